"""The shipped checklists (content as YAML). This folder is the authors' folder; see README.md here."""
