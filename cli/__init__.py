"""The ``kcc`` command: a thin shell over the core (``kcc/``), beside the API (``api/``) and the console
(``ui/``). Entry point: :func:`cli.main.main`."""
