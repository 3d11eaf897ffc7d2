"""The package carries its content: a non-editable install works from any folder.

Builds a wheel of this checkout, installs it (without dependencies) into a fresh virtual environment that borrows
the test environment's dependencies, and runs ``vigil validate`` there from an unrelated folder.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # built from a copy of the checkout: a build/ folder left in the checkout by an earlier build would otherwise
    # put modules that no longer exist into the wheel
    source = tmp_path_factory.mktemp("source") / "vigil"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "test-artifacts", "data", "__pycache__", ".*_cache",
        ".hypothesis"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out),
                    str(source)], check=True, capture_output=True, timeout=300)
    [built] = out.glob("vigil-*.whl")
    return built


def test_every_package_with_python_files_is_in_the_wheel(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "vigil").rglob("*.py")}
    missing = sorted(pkg for pkg in packages if f"{pkg}/__init__.py" not in names)
    assert not missing, f"add these to [tool.setuptools] packages in pyproject.toml: {missing}"
    assert "vigil/checklists/memorial-media.yaml" in names
    assert any(n.startswith("vigil/i18n/de/") for n in names)
    assert any(n.startswith("vigil/render/templates/") for n in names)


def test_non_editable_install_validates_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # The dependencies come from the test environment; Vigil itself only from the wheel.
    Path(purelib, "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("VIGIL_CHECKLISTS", "PYTHONPATH")}
    where = subprocess.run([str(python), "-c", "import vigil; print(vigil.__file__)"], cwd=elsewhere, env=env,
                           capture_output=True, text=True, timeout=60)
    assert where.stdout.strip().startswith(purelib), where.stdout + where.stderr
    result = subprocess.run([str(venv / "bin" / "vigil"), "validate", "--json"], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert '"id": "memorial_media"' in result.stdout
