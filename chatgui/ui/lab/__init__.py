"""The Lab tab: TCP and UDP side by side, with pictures painted from the lab engine's results."""

from chatgui.ui.lab.lab_widget import LabWidget

__all__ = ["LabWidget"]
