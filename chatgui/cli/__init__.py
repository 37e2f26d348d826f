"""The headless commands: ``python main.py host|join|discover|lab|lab-peer|--self-test``.

``main.main`` parses the command line and dispatches; ``args`` builds the parser, ``base``
holds what every command shares (exit statuses, translation, the QCoreApplication), ``io``
reads stdin and signals, ``session`` runs a host or join, ``discover`` lists rooms,
``selftest`` checks the machine, ``lab`` runs the TCP-vs-UDP lab and ``startup_time`` times
the window's first paint.
"""
