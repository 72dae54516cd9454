"""The PySide6 window: pages and Qt models that call the services, never the ORM."""
