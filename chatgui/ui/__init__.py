"""The window: connection bar, transcript model/view, message box."""
