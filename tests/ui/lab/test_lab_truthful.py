"""The lab as a student meets it: the screen sizes it fits, and figures that say what they measure."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from chatgui import __version__
from chatgui.lab.model import TCP, UDP, Arrival, Conditions, Workload
from chatgui.ui.lab import LabWidget
from chatgui.ui.lab.help import lab_help_text
from chatgui.ui.lab.strip import delay_shades

from .conftest import FakeLabController, synthetic_result

# What the main window gives the lab at 1280×800 and 800×500 (menu, tab bar, status bar off).
WIDE = (1280, 733)
SMALL = (800, 433)


def _finish(
    lab: LabWidget, fake: FakeLabController, qtbot: QtBot, size: tuple[int, int], **conditions: float
) -> None:
    lab.resize(*size)
    qtbot.waitUntil(lambda: lab.size().width() == size[0])
    lab.settings.set_conditions(Conditions(**conditions))  # type: ignore[arg-type]
    lab.run_button.click()
    workload, cond, _ = fake.runs[-1]
    result = synthetic_result(workload, cond)
    fake.finished.emit(result)
    qtbot.waitUntil(lambda: lab.run_page.result is result)


def _inside(widget: QWidget, viewport: QWidget) -> bool:
    """Whether all of ``widget`` is inside ``viewport`` (at the current scroll position)."""
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    bottom_right = widget.mapTo(viewport, widget.rect().bottomRight())
    return viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right)


def test_at_1280x800_the_results_and_every_plot_show_without_scrolling(
    lab: LabWidget, fake_controller: FakeLabController, qtbot: QtBot
) -> None:
    _finish(lab, fake_controller, qtbot, WIDE)
    viewport = lab.run_scroll.viewport()
    qtbot.waitUntil(lambda: lab.run_page.height() <= viewport.height())
    assert lab.run_scroll.verticalScrollBar().maximum() == 0
    assert lab.run_page.width() <= viewport.width()  # nothing cut off at the side either
    assert _inside(lab.results, viewport)
    for protocol in (TCP, UDP):
        for plot in (lab.rtt_plots[protocol], lab.arrival_plots[protocol], lab.strips[protocol]):
            assert plot.isVisible()
            assert _inside(plot, viewport), plot.objectName()
        assert lab.rtt_plots[protocol].height() >= 150
        assert lab.rtt_plots[protocol].width() >= 250


def test_at_800x500_the_lab_fits_and_needs_one_scroll_at_most(
    lab: LabWidget, fake_controller: FakeLabController, qtbot: QtBot
) -> None:
    hint = lab.minimumSizeHint()
    assert hint.width() <= SMALL[0]
    assert hint.height() <= SMALL[1]
    assert lab.layout().minimumSize().height() <= SMALL[1]  # open settings scroll, never push the window
    _finish(lab, fake_controller, qtbot, SMALL)
    viewport = lab.run_scroll.viewport()
    assert not lab.settings_scroll.isVisible()  # Run folded the settings: the results get the height
    assert lab.settings_summary.isVisible()
    assert viewport.height() >= 250
    assert lab.run_page.width() <= viewport.width()
    assert _inside(lab.results, viewport)  # the figures are readable before any scrolling
    assert lab.run_page.height() <= 2 * viewport.height()
    for protocol in (TCP, UDP):
        assert lab.strips[protocol].isVisible()
        assert lab.strips[protocol].width() >= 300
        assert lab.arrival_plots[protocol].isVisible()
        assert lab.arrival_plots[protocol].width() >= 300
    lab.run_page.plot_choice.setCurrentIndex(lab.run_page.plot_choice.findData("rtt"))
    assert lab.rtt_plots[TCP].isVisible()
    assert lab.rtt_plots[TCP].width() >= 300
    assert not lab.arrival_plots[TCP].isVisible()
    lab.settings_button.click()
    assert lab.settings_scroll.isVisible()


def test_elapsed_and_summed_waiting_are_named_apart(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    lab.run_button.click()
    workload, conditions, _ = fake_controller.runs[-1]
    result = synthetic_result(workload, conditions)
    tcp = replace(result.tcp, injected_lost=40, retransmit_delay_ms=23_400.0, seconds=1.41)
    fake_controller.finished.emit(replace(result, tcp=tcp))
    note = lab.notes[TCP].text()
    assert "add up to 23.40 s" in note
    assert "585 ms per held-back message on average" in note
    assert "1.41 s elapsed (measured)" in note
    assert "together" not in note
    # The model is said to be one: chatgui held the messages back, nothing was really lost.
    assert "(modelled): chatgui held back 40 messages as TCP would after losing their packets" in note
    assert "were lost" not in note
    assert "elapsed" in lab.status.text()


def test_an_unpaced_run_says_its_round_trips_measure_a_queue(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    assert lab.settings.rate_spin.value() > 0  # paced by default
    lab.run_button.click()
    workload, conditions, _ = fake_controller.runs[-1]
    fake_controller.finished.emit(synthetic_result(workload, conditions))
    assert lab.run_page.pacing_note.text().startswith("Paced")
    lab.settings.rate_spin.setValue(0)
    lab.run_button.click()
    workload, conditions, _ = fake_controller.runs[-1]
    assert workload.rate == 0
    fake_controller.finished.emit(synthetic_result(workload, conditions))
    assert "one burst" in lab.run_page.pacing_note.text()
    assert "queue" in lab.run_page.pacing_note.text()


def test_the_lab_says_where_tcps_loss_is_modelled(lab: LabWidget, fake_controller: FakeLabController) -> None:
    lab.run_button.click()
    workload, conditions, _ = fake_controller.runs[-1]
    fake_controller.finished.emit(synthetic_result(workload, conditions))
    assert not lab.run_page.model_note.isVisibleTo(lab)  # nothing set, nothing modelled
    lab.settings.set_conditions(Conditions(loss=5, seed=3))
    lab.run_button.click()
    workload, conditions, _ = fake_controller.runs[-1]
    result = synthetic_result(workload, conditions)
    fake_controller.finished.emit(
        replace(result, tcp=replace(result.tcp, injected_lost=201), udp=replace(result.udp, injected_lost=12))
    )
    note = lab.run_page.model_note.text()
    assert lab.run_page.model_note.isVisibleTo(lab)
    assert "loopback" in note
    assert "before the socket" in note
    assert "200 ms" in note
    # Which figures are measured, which modelled, and where the real thing is.
    assert "Measured: what arrived" in note
    assert "Modelled: TCP's losses" in note
    assert "chatgui held back 201 messages as TCP would after losing their packets" in note
    assert "lab-peer" in note
    assert "nft" in note
    assert "chatgui dropped 12 datagrams before the socket" in lab.notes[UDP].text()


def test_delay_shades_grade_lateness_against_the_fastest_round_trip() -> None:
    arrivals = [
        Arrival(1, 0, 0.0, 1.0),
        Arrival(2, 1, 0.0, 10.5),  # 9.5 ms more: on time
        Arrival(3, 2, 0.0, 12.0),  # 11 ms more
        Arrival(4, 3, 0.0, 80.0),
        Arrival(5, 4, 0.0, 205.0),
        Arrival(5, 5, 0.0, 1.0),  # a later copy does not count
        Arrival(7, 6, 0.0, None),
    ]
    assert list(delay_shades(arrivals, 7, 1.0)) == [0, 0, 1, 2, 3, 0, 0]
    assert delay_shades(arrivals, 7, None) == bytes(7)


def test_tcps_strip_shows_late_messages_darker(lab: LabWidget, fake_controller: FakeLabController) -> None:
    lab.run_button.click()
    workload, conditions, _ = fake_controller.runs[-1]
    result = synthetic_result(workload, conditions)
    late = tuple(
        replace(a, rtt_ms=300.0) if 100 <= a.seq < 110 else replace(a, rtt_ms=60.0) if a.seq == 200 else a
        for a in result.tcp.arrivals
    )
    fake_controller.finished.emit(replace(result, tcp=replace(result.tcp, arrivals=late)))
    assert lab.strips[TCP].shade_counts == [0, 1, 10]
    assert lab.run_page.delay_legend.isVisible()
    assert len(lab.run_page.delay_legend.entries) == 4


def test_saving_keeps_the_summary_and_the_picture_says_what_made_it(
    lab: LabWidget, fake_controller: FakeLabController, tmp_path: Path
) -> None:
    lab.settings.set_conditions(Conditions(loss=2.5, seed=777))
    lab.run_button.click()
    workload, conditions, _ = fake_controller.runs[-1]
    fake_controller.finished.emit(synthetic_result(workload, conditions))
    summary = lab.status.text()
    path = tmp_path / "run.png"
    lab._report_saved(lab.export_png(str(path)), str(path))
    assert lab.status.text() == summary
    assert lab.saved_label.isVisible()
    assert str(path) in lab.saved_label.text()
    image = QImage(str(path))
    assert image.text("seed") == "777"
    assert image.text("software") == f"chatgui {__version__}"
    assert "loss=2.5%" in image.text("conditions")
    assert "seed 777" in image.text("Description")
    assert image.height() > lab.run_page.height()  # the caption is drawn under the pictures


def test_the_help_says_how_to_read_the_lab() -> None:
    text = lab_help_text()
    assert text.count("\n\n") >= 4
    for words in (
        "Elapsed",
        "one burst",
        "before the socket",
        "recv()",
        "seed",
        "modelled",
        "nft",
        "A picture",
    ):
        assert words in text


@pytest.mark.parametrize("result_peer", ["", "192.0.2.1:50008"])
def test_the_caption_names_the_path(
    lab: LabWidget, fake_controller: FakeLabController, result_peer: str
) -> None:
    from chatgui.ui.lab.notes import conditions_summary

    text = conditions_summary(Workload(count=5, rate=0), Conditions(seed=9), result_peer, every=True)
    assert "unpaced" in text
    assert "loss 0 %" in text
    assert "seed 9" in text
    assert (result_peer or "loopback") in text
