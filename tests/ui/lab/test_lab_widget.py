"""The Lab widget driven through its own controls, with a fake controller playing the engine."""

from __future__ import annotations

import csv
import itertools
import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from chatgui.lab.model import TCP, UDP, Conditions, Fate, Workload
from chatgui.ui.lab import LabWidget
from chatgui.ui.lab.strip import FATE_COLOURS, strip_layout

from .conftest import FakeLabController, synthetic_result

IMPAIRED = Conditions(loss=10, dup=5, reorder=5, seed=3)


def _start(lab: LabWidget, count: int = 1000) -> None:
    lab.settings.count_spin.setValue(count)
    lab.settings.set_conditions(IMPAIRED)
    lab.run_button.click()


def test_run_button_asks_the_controller_with_the_form(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    lab.settings.size_spin.setValue(200)
    lab.settings.rate_spin.setValue(500)
    _start(lab, count=321)
    assert fake_controller.runs == [(Workload(count=321, size=200, rate=500.0), IMPAIRED, "")]
    assert lab.running
    assert not lab.run_button.isEnabled()
    assert lab.cancel_button.isEnabled()
    lab.cancel_button.click()
    assert fake_controller.cancels == 1


def test_a_run_fills_both_columns_and_the_pictures(
    lab: LabWidget, fake_controller: FakeLabController, qtbot: QtBot
) -> None:
    _start(lab)
    workload, conditions, _ = fake_controller.runs[-1]
    result = synthetic_result(workload, conditions)
    with qtbot.waitSignal(fake_controller.finished):
        fake_controller.finished.emit(result)

    for side in (result.tcp, result.udp):
        assert lab.results.value(side.protocol, "sent") == f"{side.sent:,}"
        assert lab.results.value(side.protocol, "delivered") == f"{side.delivered:,}"
        assert lab.results.value(side.protocol, "lost") == f"{side.lost:,}"
        assert lab.results.value(side.protocol, "duplicated") == f"{side.duplicated:,}"
        assert lab.results.value(side.protocol, "reordered") == f"{side.reordered:,}"
        assert lab.results.value(side.protocol, "rtt") == "0.40 / 0.70 / 0.80"
        counts = lab.strips[side.protocol].fate_counts()
        assert counts[Fate.LOST] == side.lost
        assert counts[Fate.DUPLICATED] == side.duplicated
        assert counts[Fate.LATE] == side.reordered
        assert counts[Fate.PENDING] == 0
        assert sum(counts.values()) == workload.count
        assert lab.arrival_plots[side.protocol].point_count() == len(side.arrivals)
        assert lab.rtt_plots[side.protocol].point_count() == len(side.arrivals)
    # The synthetic path really impaired UDP and left TCP alone, so the checks above meant something.
    assert result.udp.lost > 0
    assert result.udp.duplicated > 0
    assert result.udp.reordered > 0
    assert result.tcp.lost == result.tcp.reordered == 0
    assert not lab.running
    assert lab.csv_button.isEnabled()
    assert "UDP delivered" in lab.status.text()


def test_the_strip_paints_each_fate_in_its_colour(lab: LabWidget, fake_controller: FakeLabController) -> None:
    _start(lab, count=200)
    workload, conditions, _ = fake_controller.runs[-1]
    result = synthetic_result(workload, conditions)
    fake_controller.finished.emit(result)
    strip = lab.strips[UDP]
    image = strip.grab().toImage()
    layout = strip_layout(workload.count, strip.width(), strip.height())
    ratio = image.width() / strip.width()
    for i, fate in enumerate(result.udp.fates):
        cell = layout.rect(i)
        # A corner pixel inside the cell: clear of the gap lines and the glyph in the middle.
        pixel = image.pixelColor(int((cell.left() + 1.5) * ratio), int((cell.top() + 1.5) * ratio))
        assert pixel.rgb() == FATE_COLOURS[fate].rgb(), (i + 1, fate)


def test_live_progress_shows_pending_cells_then_the_final_result(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    _start(lab, count=500)
    workload, conditions, _ = fake_controller.runs[-1]
    live = synthetic_result(workload, conditions, upto=200)
    fake_controller.progress.emit(live)
    counts = lab.strips[UDP].fate_counts()
    assert counts[Fate.PENDING] == 500 - 200 + (200 - len({a.seq for a in live.udp.arrivals}))
    assert lab.results.value(TCP, "sent") == "200"
    assert "so far" in lab.results.value(TCP, "seconds")
    assert lab.running
    final = synthetic_result(workload, conditions)
    fake_controller.finished.emit(final)
    assert lab.strips[UDP].fate_counts()[Fate.PENDING] == 0
    assert lab.arrival_plots[UDP].point_count() == len(final.udp.arrivals)
    assert "so far" not in lab.results.value(TCP, "seconds")


def test_a_new_run_starts_from_empty_pictures(lab: LabWidget, fake_controller: FakeLabController) -> None:
    _start(lab, count=300)
    workload, conditions, _ = fake_controller.runs[-1]
    fake_controller.finished.emit(synthetic_result(workload, conditions))
    assert lab.arrival_plots[UDP].point_count() > 0
    lab.run_button.click()
    assert lab.arrival_plots[UDP].point_count() == 0
    assert lab.strips[UDP].fate_counts()[Fate.LOST] == 0
    assert lab.results.value(UDP, "sent") == "–"


def test_the_legend_names_every_fate(lab: LabWidget) -> None:
    assert {c.rgb() for c, _, _ in lab.legend.entries} == {FATE_COLOURS[fate].rgb() for fate in Fate}
    assert all(text for _, _, text in lab.legend.entries)
    assert lab.legend.isVisible()
    assert lab.legend.width() >= lab.legend.sizeHint().width() * 0.9


def test_the_fate_colours_differ_in_grey_too() -> None:
    greys = sorted(c.red() * 0.299 + c.green() * 0.587 + c.blue() * 0.114 for c in FATE_COLOURS.values())
    assert all(b - a > 25 for a, b in itertools.pairwise(greys))


def test_the_notes_say_what_each_protocol_pays(lab: LabWidget) -> None:
    assert "head-of-line" in lab.notes[TCP].text()
    assert "Dropped, duplicated and reordered" in lab.notes[UDP].text()


def test_a_failure_is_said_and_the_form_comes_back(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    _start(lab)
    fake_controller.failed.emit("Nothing answers at 10.0.0.9:50008 — is lab-peer running there?")
    assert lab.status.text().startswith("Nothing answers")
    assert lab.run_button.isEnabled()
    assert not lab.cancel_button.isEnabled()


def test_a_peer_needs_an_address(lab: LabWidget, fake_controller: FakeLabController) -> None:
    lab.settings.peer_radio.setChecked(True)
    lab.run_button.click()
    assert fake_controller.runs == []
    assert "lab-peer" in lab.status.text()
    lab.settings.peer_edit.setText(" 192.0.2.7:50008 ")
    lab.run_button.click()
    assert fake_controller.runs[-1][2] == "192.0.2.7:50008"


def test_every_control_has_a_name(lab: LabWidget) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QTableWidget

    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QTableWidget)
    controls = [w for kind in kinds for w in lab.findChildren(kind)]
    assert len(controls) > 20
    for control in controls:
        if control.objectName().startswith("qt_"):
            continue
        assert control.objectName(), control
        assert control.accessibleName(), control.objectName()


def test_pictures_export_as_png(lab: LabWidget, fake_controller: FakeLabController, tmp_path: Path) -> None:
    _start(lab, count=400)
    workload, conditions, _ = fake_controller.runs[-1]
    fake_controller.finished.emit(synthetic_result(workload, conditions))
    path = tmp_path / "lab.png"
    assert lab.export_png(str(path))
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() >= lab.run_page.width()


@pytest.mark.parametrize(
    ("framing", "tcp_recvs_as_messages"),
    [("none", ["hel", "lo你好，世界bye"]), ("newline", None), ("length", None)],
)
def test_boundaries_show_chunks_and_reassembled_messages(
    lab: LabWidget, fake_controller: FakeLabController, framing: str, tcp_recvs_as_messages: list[str] | None
) -> None:
    view = lab.boundaries
    view.framing_combo.setCurrentIndex(view.framing_combo.findData(framing))
    view.send_button.click()
    assert fake_controller.boundary_requests[-1][1] == TCP
    assert not view.send_button.isEnabled()
    fake_controller.answer_boundaries()
    assert fake_controller.boundary_requests[-1][1] == UDP
    fake_controller.answer_boundaries()
    assert view.send_button.isEnabled()
    assert view.call_tables[TCP].rowCount() == 3 + 2
    assert view.call_tables[UDP].rowCount() == 3 + 3
    assert "3 send() calls came out as 2 recv() results" in view.status.text()
    expected = ["hello", "你好，世界", "bye"]
    assert view.messages_shown(TCP) == (tcp_recvs_as_messages or expected)
    assert view.messages_shown(UDP) == expected
    hex_cell = view.call_tables[UDP].item(3, 3)
    assert hex_cell is not None
    assert hex_cell.text().endswith("68 65 6c 6c 6f" + (" 0a" if framing == "newline" else ""))


def test_changing_the_framing_rereads_the_bytes(lab: LabWidget, fake_controller: FakeLabController) -> None:
    view = lab.boundaries
    view.framing_combo.setCurrentIndex(view.framing_combo.findData("newline"))
    view.send_button.click()
    fake_controller.answer_boundaries()
    fake_controller.answer_boundaries()
    assert view.messages_shown(TCP) == ["hello", "你好，世界", "bye"]
    assert not view.framing_note.isVisibleTo(view)
    view.framing_combo.setCurrentIndex(view.framing_combo.findData("none"))
    assert view.messages_shown(TCP) == ["hel", "lo\\n你好，世界\\nbye\\n"]
    # The table changed: a sentence says why, naming both framings and what was found.
    assert view.framing_note.isVisibleTo(view)
    note = view.framing_note.text()
    assert "newline framing" in note
    assert "no framing" in note
    assert "2 message(s)" in note
    view.framing_combo.setCurrentIndex(view.framing_combo.findData("length"))
    assert view.messages_shown(TCP) == []
    assert "0 message(s)" in view.framing_note.text()
    view.framing_combo.setCurrentIndex(view.framing_combo.findData("newline"))
    assert "come out as sent" in view.framing_note.text()


def test_the_receivers_reading_is_what_the_user_chose(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    view = lab.boundaries
    view.send_button.click()
    assert fake_controller.boundary_reading[-1] == (8, True)  # the default: recv(8) as bytes arrive
    fake_controller.answer_boundaries()
    fake_controller.answer_boundaries()
    view.recv_size_combo.setCurrentIndex(view.recv_size_combo.findData(1024))
    view.arrival_combo.setCurrentIndex(view.arrival_combo.findData(False))
    view.send_button.click()
    assert fake_controller.boundary_reading[-1] == (1024, False)


def test_lifecycle_timelines(lab: LabWidget, fake_controller: FakeLabController) -> None:
    view = lab.lifecycle
    view.lifecycle_button.click()
    assert fake_controller.lifecycles == 1
    assert not view.nobody_button.isEnabled()
    fake_controller.answer_lifecycle(nobody=False)
    assert view.whats(TCP) == ["connect", "accept", "send", "recv", "fin", "close"]
    assert view.whats(UDP) == ["sendto", "recvfrom"]
    assert view.tables[TCP].rowCount() == 6
    item = view.tables[TCP].item(4, 2)
    assert item is not None
    assert "FIN" in item.text()


def test_nobody_listens(lab: LabWidget, fake_controller: FakeLabController) -> None:
    view = lab.lifecycle
    view.nobody_button.click()
    assert fake_controller.nobody == 1
    fake_controller.answer_lifecycle(nobody=True)
    assert "refused" in view.summary.text()
    assert "reported success, and nothing arrived" in view.summary.text()
    assert view.nobody_button.isEnabled()


def test_a_failed_demonstration_lets_the_user_try_again(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    lab.boundaries.send_button.click()
    fake_controller.failed.emit("Could not open a socket on 127.0.0.1.")
    assert lab.boundaries.send_button.isEnabled()
    assert lab.boundaries.status.text() == "Could not open a socket on 127.0.0.1."


def test_ten_thousand_messages_draw(lab: LabWidget, fake_controller: FakeLabController) -> None:
    _start(lab, count=10_000)
    workload, conditions, _ = fake_controller.runs[-1]
    result = synthetic_result(workload, conditions)
    fake_controller.finished.emit(result)
    image = lab.run_page.grab().toImage()
    assert not image.isNull()
    assert sum(lab.strips[UDP].fate_counts().values()) == 10_000


def test_cancel_keeps_what_arrived(lab: LabWidget, fake_controller: FakeLabController) -> None:
    _start(lab, count=500)
    workload, conditions, _ = fake_controller.runs[-1]
    fake_controller.progress.emit(synthetic_result(workload, conditions, upto=100))
    lab.cancel_button.click()
    assert not lab.running
    assert lab.run_button.isEnabled()
    assert "Cancelled" in lab.status.text()
    assert lab.results.value(UDP, "sent") == "100"


def test_the_run_exports_as_csv_and_json_that_parse_back(
    lab: LabWidget, fake_controller: FakeLabController, tmp_path: Path
) -> None:
    assert not lab.export_csv(str(tmp_path / "none.csv"))  # nothing to export before a run
    _start(lab, count=250)
    workload, conditions, _ = fake_controller.runs[-1]
    result = synthetic_result(workload, conditions)
    fake_controller.finished.emit(result)
    csv_path = tmp_path / "run.csv"
    json_path = tmp_path / "run.json"
    assert lab.export_csv(str(csv_path))
    assert lab.export_json(str(json_path))
    with csv_path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    assert len(rows) == 2 * 250
    udp_lost = sum(1 for r in rows if r["protocol"] == UDP and r["fate"] == Fate.LOST.value)
    assert udp_lost == result.udp.lost
    shape = json.loads(json_path.read_text(encoding="utf-8"))
    assert shape["udp"]["lost"] == result.udp.lost
    assert shape["tcp"]["delivered"] == 250
    assert not lab.export_json(str(tmp_path / "missing-folder" / "run.json"))


def test_plots_share_scales_unless_asked_not_to(lab: LabWidget, fake_controller: FakeLabController) -> None:
    _start(lab, count=300)
    workload, conditions, _ = fake_controller.runs[-1]
    result = synthetic_result(workload, conditions)
    slow_tcp = replace(
        result.tcp,
        arrivals=tuple(replace(a, rtt_ms=(a.rtt_ms or 0) * 100, t=a.t * 3) for a in result.tcp.arrivals),
    )
    fake_controller.finished.emit(replace(result, tcp=slow_tcp))
    tcp, udp = lab.rtt_plots[TCP], lab.rtt_plots[UDP]
    assert (tcp.x_max, tcp.y_max) == (udp.x_max, udp.y_max)
    lab.same_scale_check.setChecked(False)
    assert tcp.y_max > 10 * udp.y_max
    assert tcp.x_max > udp.x_max


def test_the_answer_box_starts_and_stops_answering(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    lab.settings.answer_check.setChecked(True)
    assert fake_controller.answering
    assert "port 50008" in lab.status.text()
    lab.settings.answer_check.setChecked(False)
    assert not fake_controller.answering


def test_when_answering_cannot_start_the_box_unticks_and_says_why(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    fake_controller.answer_problem = "Cannot answer lab runs on port 50008: Address already in use."
    lab.settings.answer_check.setChecked(True)
    assert not lab.settings.answer_check.isChecked()
    assert lab.status.text() == fake_controller.answer_problem
