"""chatgui: a desktop chat app for a LAN and a lab for seeing how TCP and UDP differ."""

__version__ = "0.1.0"
