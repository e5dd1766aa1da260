"""Helpers shared by the GUI tests."""

from __future__ import annotations


def activate(qtbot, window) -> None:
    """Make the window active, as a window manager does when it is shown or a dialog on it closes (the offscreen
    platform does not): shortcuts and focus need an active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def show_active(qtbot, widget, width: int, height: int):
    """Register, size, show and activate a top-level widget."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    activate(qtbot, widget)
    return widget
