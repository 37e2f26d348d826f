"""The lab's sentences about a run: what each protocol experienced, and what each figure measures.

Each function returns translated plain text. They say how a figure was measured where it
could be misread: elapsed time against time summed over messages, a burst's queueing against
the path's delay, and where the lab models TCP's loss instead of a network causing it: with
conditions set by chatgui no TCP packet is really lost, chatgui holds messages back as TCP
would after losing their packets, and the sentences say so ("modelled", not "the path dropped").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chatgui.lab.model import TCP, Conditions, LabResult, ProtocolResult, Workload


def tr(text: str) -> str:
    """``text`` in the user's language (context "LabNotes")."""
    return QCoreApplication.translate("LabNotes", text)


def honest_note(protocol: str, result: ProtocolResult | None = None) -> str:
    """What ``protocol`` experiences under impairment, in a learner's words (translated).

    Args:
        protocol: "tcp" or "udp".
        result: The run so far, to say what the impairment cost this time.

    Returns:
        One or two sentences.
    """
    if protocol == TCP:
        note = tr(
            "TCP: the kernel resends lost packets and puts bytes back in order, so nothing is lost "
            "or out of order above it. Loss is paid in time instead: every later message waits "
            "behind the missing one (head-of-line blocking)."
        )
        if result is not None and result.injected_lost:
            waited_s = result.retransmit_delay_ms / 1000
            note += " " + tr(
                "This run (modelled): chatgui held back {0} messages as TCP would after losing "
                "their packets. Those holds add up to {1} s ({2} ms per held-back message on "
                "average); they overlap, so the run took {3} s elapsed (measured)."
            ).format(
                f"{result.injected_lost:,}",
                f"{waited_s:.2f}",
                f"{result.retransmit_delay_ms / result.injected_lost:.0f}",
                f"{result.seconds:.2f}",
            )
        return note
    note = tr(
        "UDP: every datagram travels alone. Dropped, duplicated and reordered datagrams reach "
        "the program exactly as the network delivered them; nothing waits and nothing is resent."
    )
    if result is not None and (
        result.injected_lost or result.injected_duplicated or result.injected_reordered
    ):
        note += " " + tr(
            "This run: chatgui dropped {0} datagrams before the socket, sent {1} twice and held "
            "back {2}, as the conditions set; the figures count what really arrived."
        ).format(result.injected_lost, result.injected_duplicated, result.injected_reordered)
    return note


def pacing_note(workload: Workload) -> str:
    """Whether the round trips measure the path or a burst's queue, and why."""
    if workload.rate <= 0:
        return tr(
            "Unpaced: all messages left in one burst, so each one queued behind the ones before it "
            "in the sockets' buffers and the echo's; the round trips measure that queue more than "
            "the path. UDP queues longer here: every datagram is its own send and echo, while TCP "
            "hands the burst to the kernel in a few large writes. Set a rate to measure the path."
        )
    return tr(
        "Paced: one message every {0} ms, so the round trips show the path and the conditions "
        "set, not messages queueing behind each other."
    ).format(f"{1000 / workload.rate:.3g}")


def real_loss_note() -> str:
    """Where to see the kernel's own TCP recover from real loss (a lab-peer behind a lossy path)."""
    return tr(
        "To see TCP recover from real loss, run lab-peer on a computer behind a lossy path (the "
        "README's nft recipe drops packets between two network namespaces) and choose it as the path."
    )


def model_note(conditions: Conditions, peer: str, held: int | None = None) -> str:
    """Where TCP's loss, delay and reordering come from in this run, in plain words ("" if none set).

    Args:
        conditions: The conditions chatgui applied.
        peer: "" for this computer, else the lab-peer's address.
        held: How many of TCP's messages chatgui held back as lost, when known.
    """
    if not conditions.impaired:
        return ""
    measured = tr(
        "Measured: what arrived, when, in what order, and every round trip. Modelled: TCP's losses."
    )
    if held is not None:
        measured += " " + tr(
            "chatgui held back {0} messages as TCP would after losing their packets."
        ).format(f"{held:,}")
    where = (
        tr("TCP here runs over loopback, which loses nothing.")
        if not peer
        else tr(
            "TCP here runs over the network to {0}; a loss on that network is resent by the kernel."
        ).format(peer)
    )
    return (
        where
        + " "
        + tr(
            "The loss, delay and reordering you set are applied by the lab before the socket: a lost "
            "TCP packet is held back for one retransmission timeout (at least 200 ms, doubled for "
            "each resend that is lost too), a reordered one holds back the messages behind it, and a "
            "duplicate costs nothing. UDP's datagrams are really dropped, duplicated or held back."
        )
        + " "
        + measured
        + ("" if peer else " " + real_loss_note())
    )


def done_sentence(result: LabResult) -> str:
    """The run's one-line summary: what each protocol delivered, and the elapsed time."""
    tcp, udp = result.tcp, result.udp
    return tr(
        "Done. TCP delivered {0} of {1} in {2} s elapsed; UDP delivered {3} of {4} in {5} s, "
        "lost {6}, duplicated {7}, out of order {8}."
    ).format(
        f"{tcp.delivered:,}",
        f"{tcp.sent:,}",
        f"{tcp.seconds:.2f}",
        f"{udp.delivered:,}",
        f"{udp.sent:,}",
        f"{udp.seconds:.2f}",
        f"{udp.lost:,}",
        f"{udp.duplicated:,}",
        f"{udp.reordered:,}",
    )


def conditions_parts(conditions: Conditions, *, every: bool = False) -> list[str]:
    """The conditions in words, one part each (only those set unless ``every``), and the seed."""
    c = conditions
    named = [
        (c.loss, tr("loss {0} %").format(f"{c.loss:g}")),
        (c.dup, tr("duplicates {0} %").format(f"{c.dup:g}")),
        (c.reorder, tr("reorder {0} %").format(f"{c.reorder:g}")),
        (
            c.delay_ms or c.jitter_ms,
            tr("delay {0} ms ± {1} ms").format(f"{c.delay_ms:g}", f"{c.jitter_ms:g}"),
        ),
        (
            c.bandwidth_kbps,
            tr("bandwidth {0} kbit/s").format(f"{c.bandwidth_kbps:,.0f}")
            if c.bandwidth_kbps > 0
            else tr("no bandwidth cap"),
        ),
    ]
    shown = [text for value, text in named if every or value]
    return [*(shown or [tr("no conditions set")]), tr("seed {0}").format(c.seed)]


def conditions_summary(workload: Workload, conditions: Conditions, peer: str, *, every: bool = False) -> str:
    """The settings on one line, for the folded settings bar and the caption of a saved picture.

    Args:
        workload: What was sent.
        conditions: The impairment and the seed.
        peer: "" for this computer, else the lab-peer's address.
        every: Name every condition, also those at zero (a caption); else only those set.
    """
    rate = tr("at {0}/s").format(f"{workload.rate:,.0f}") if workload.rate > 0 else tr("unpaced")
    parts = [tr("{0} messages × {1} B {2}").format(f"{workload.count:,}", workload.size, rate)]
    parts.extend(conditions_parts(conditions, every=every))
    parts.append(peer if peer else tr("this computer (loopback)"))
    return " · ".join(parts)
