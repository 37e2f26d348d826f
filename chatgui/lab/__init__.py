"""The comparison lab: the same workload over TCP and UDP at once, measured on real sockets.

``model`` holds the values (no Qt, no sockets), ``impairment`` the seeded conditions,
``engine`` the runs on plain threads and sockets, ``bridge`` the Qt facade for the window
and ``export`` CSV and JSON; the ``lab`` and ``lab-peer`` headless commands are in
``chatgui.cli.lab``.
"""
