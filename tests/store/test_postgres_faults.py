"""PostgreSQL: a server that goes away and comes back, refused connections, no password anywhere."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.store.samples import sample
from tests.store.test_sqlite_faults import assert_calm
from tests.support.postgres import PostgresServer
from vigil.i18n.faults import fault_words
from vigil.store import StoreUnavailableError
from vigil.store.sql import SqlStore, open_store

pytestmark = pytest.mark.postgres

PASSWORD = "s3cret-Pa55word"  # trust authentication ignores it; it must still never be shown


@pytest.fixture
def pg(postgres_server: PostgresServer) -> Iterator[tuple[PostgresServer, str, SqlStore]]:
    name = f"f_{uuid.uuid4().hex[:16]}"
    postgres_server.create_database(name)
    url = postgres_server.url(name, password=PASSWORD)
    store = open_store(url)
    yield postgres_server, name, store
    store.close()
    if not postgres_server.running:
        postgres_server.start()


def test_describe_names_the_server_without_the_password(pg: tuple[PostgresServer, str, SqlStore]) -> None:
    server, name, store = pg
    text = store.describe()
    assert PASSWORD not in text
    assert name in text
    assert f"127.0.0.1:{server.port}" in text


def test_the_table_uses_jsonb(pg: tuple[PostgresServer, str, SqlStore]) -> None:
    server, name, store = pg
    store.create(sample())
    rows = server.execute(name, "SELECT pg_typeof(document)::text FROM assessments")
    assert rows == [("jsonb",)]


def test_a_stopped_server_is_reported_and_the_same_store_works_after_a_restart(
    pg: tuple[PostgresServer, str, SqlStore],
) -> None:
    server, _name, store = pg
    created = store.create(sample(title="Server Sophie"))
    server.stop()
    try:
        for attempt in (lambda: store.save(created), lambda: store.get(created.id), store.list,
                        lambda: store.create(sample())):
            with pytest.raises(StoreUnavailableError) as caught:
                attempt()
            assert_calm(caught.value, "server_unreachable", PASSWORD, "Sophie", "psycopg", "5432")
    finally:
        server.start()
    saved = store.save(created)
    assert saved.revision == 2
    assert store.get(created.id) == saved
    assert store.count() == 1


def test_connections_cut_by_the_server_are_replaced_silently(pg: tuple[PostgresServer, str, SqlStore]) -> None:
    server, name, store = pg
    created = store.create(sample())
    store.get(created.id)  # a pooled connection now exists
    cut = server.execute(
        "postgres",
        "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = %s AND pid <> pg_backend_pid()) AS t",
        (name,),
    )
    assert cut[0][0] >= 1
    assert store.save(created).revision == 2  # pool_pre_ping notices and reconnects


def test_a_store_opened_while_the_server_is_down_works_once_it_is_up(postgres_server: PostgresServer) -> None:
    name = f"late_{uuid.uuid4().hex[:12]}"
    postgres_server.create_database(name)
    postgres_server.stop()
    try:
        store = open_store(postgres_server.url(name))  # no exception: the app can start and say what is wrong
        with pytest.raises(StoreUnavailableError) as caught:
            store.list()
        assert_calm(caught.value, "server_unreachable")
    finally:
        postgres_server.start()
    created = store.create(sample())
    assert store.list()[0].id == created.id
    store.close()


def test_a_missing_database_is_a_refusal_with_a_hint_for_the_operator(postgres_server: PostgresServer) -> None:
    store = open_store(postgres_server.url("no_such_database", password=PASSWORD))
    try:
        with pytest.raises(StoreUnavailableError) as caught:
            store.list()
        assert_calm(caught.value, "server_refused", PASSWORD, "no_such_database")
        assert "VIGIL_DATABASE_URL" in fault_words(caught.value)
    finally:
        store.close()


def test_nothing_listens_on_the_port(postgres_server: PostgresServer) -> None:
    from tests.support.postgres import free_port

    store = open_store(f"postgresql+psycopg://vigil:{PASSWORD}@127.0.0.1:{free_port()}/vigil")
    try:
        with pytest.raises(StoreUnavailableError) as caught:
            store.get("x")
        assert_calm(caught.value, "server_unreachable", PASSWORD)
    finally:
        store.close()


def test_several_app_servers_starting_at_once_create_the_schema_once(postgres_server: PostgresServer,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from vigil.store.config import URL_ENV

    name = f"race_{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv(URL_ENV, postgres_server.url(name))
    postgres_server.create_database(name)
    with ThreadPoolExecutor(max_workers=4) as pool:
        stores = list(pool.map(lambda _: open_store(), range(4)))  # from VIGIL_DATABASE_URL
    try:
        created = [s.create(sample(title=f"server {i}")) for i, s in enumerate(stores)]
        assert {row.id for row in stores[0].list()} == {a.id for a in created}
        assert postgres_server.execute(name, "SELECT count(*) FROM pg_tables WHERE tablename = 'assessments'") \
            == [(1,)]
    finally:
        for s in stores:
            s.close()
