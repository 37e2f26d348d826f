"""The "How to read the lab" help: a few translated paragraphs of plain text for the Help menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("LabHelp", text)


def lab_help_text() -> str:
    """How to read the lab, in the user's language: plain text, paragraphs split by blank lines."""
    paragraphs = [
        _tr(
            "The lab sends the same numbered messages over TCP and UDP at the same time, under the "
            "same conditions, and shows side by side what each protocol delivered. Press Run; "
            "Settings shows or hides the workload, the path and the conditions."
        ),
        _tr(
            "The figures: Elapsed is the time from the first send to the last echo. A round trip is "
            "measured per message; p50 is the median, p95 the time 95 of 100 messages beat. By "
            "default the messages are paced (1,000 a second), so the round trips show the path. "
            "Sent as fast as possible, they leave in one burst and queue behind each other, and the "
            "round trips then measure that queue."
        ),
        _tr(
            "The strips: one cell per message, numbered left to right. Red with a cross: lost. "
            "Orange with a stroke: arrived out of order. Blue with a dot: arrived twice. A delivered "
            "cell darkens from green to brown the longer its round trip took than the run's fastest. "
            "UDP shows its losses as red cells; TCP loses nothing but shows the same trouble as "
            "darker cells: a resend's wait, and every message that waited behind it."
        ),
        _tr(
            "Where the trouble comes from: the conditions are applied by the lab on the sending "
            "side, before the socket. UDP's datagrams are really dropped, duplicated or held back. "
            "On this computer TCP runs over loopback, which loses nothing, so a lost TCP packet is "
            "held back for one retransmission timeout (at least 200 ms, doubling when the resend is "
            "lost too), as the kernel would resend it."
        ),
        _tr(
            "Measured and modelled: what arrived, when and in what order, and every round trip, is "
            "measured. TCP's losses on this computer are modelled: chatgui held the messages back as "
            "TCP would after losing their packets; no TCP packet was really lost. To see the kernel's "
            "own TCP recover from real loss, run lab-peer behind a lossy path (the README's nft recipe)."
        ),
        _tr(
            "A picture, both ways: the same picture over TCP and over UDP at once, sent as its pixels, "
            "a few rows per datagram. TCP's arrives whole, later; UDP's on time, with a grey band for "
            "every datagram lost. Save as PNG keeps both pictures with the version, conditions and seed."
        ),
        _tr(
            "Message boundaries (粘包 / 拆包): TCP carries bytes, not messages. Read as the bytes "
            "arrive with a small recv() size, one message is cut across reads; read once everything "
            "has arrived, several writes come out of one recv(). Choose a framing (newline or a "
            "length prefix) to see how a receiver finds the messages again. UDP keeps each datagram "
            "whole."
        ),
        _tr(
            "Lifecycle shows TCP's handshake and goodbye against UDP's lone datagrams, and what "
            "happens when nobody listens. Export CSV, Export JSON and Save pictures write the run "
            "with the version, the conditions and the seed that produced it: the same seed and "
            "settings repeat the same run."
        ),
    ]
    return "\n\n".join(paragraphs)
