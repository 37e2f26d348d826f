"""The words the user reads: one sentence per problem and per connection event.

The worker reports facts (``chatgui.events``); this module turns them into
translated sentences, so the window and the headless commands say the same
things. Sentences are plain text (never HTML) and are translated *before* the
facts are filled in, so a translator sees ``{port}`` rather than ``50007``.
What a reachability check found is told by ``sentences_checks``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chatgui.events import (
    Connected,
    Listening,
    NickAssigned,
    PeerJoined,
    PeerLeft,
    Problem,
    ProblemOccurred,
    Reconnected,
    Reconnecting,
    RoomCode,
    RosterChanged,
    SessionEnded,
)
from chatgui.os_errors import os_error_words
from chatgui.sentences_address import join_host_port, scope_sentence
from chatgui.sentences_files import FILE_PROBLEMS, file_problem

_PROBLEMS = "Problems"
_EVENTS = "Events"


def _fill(context: str, source: str, **facts: object) -> str:
    """Translate ``source`` in ``context``, then fill the ``{name}`` placeholders with ``facts``."""
    translated = QCoreApplication.translate(context, source)
    try:
        return translated.format(**facts)
    except (KeyError, IndexError, ValueError):
        # A broken translation must not hide the problem: fall back to the English sentence.
        return source.format(**facts)


def _number(value: int) -> str:
    """A size or limit with thousands separators, as people read it ("65,536")."""
    return f"{value:,}"


def _where(event: ProblemOccurred) -> str:
    """The most precise place the problem names: its address, else host:port, else host."""
    if event.address:
        return event.address
    if event.host:
        return join_host_port(event.host, event.port)
    if event.port:
        return QCoreApplication.translate(_PROBLEMS, "port {port}").format(port=event.port)
    return QCoreApplication.translate(_PROBLEMS, "the other side")


def describe(event: ProblemOccurred) -> str:
    """One translated sentence for a problem: what happened, and what to do next.

    Args:
        event: the problem as the worker reported it, with the facts it knows.

    Returns:
        A plain-text sentence naming the facts (port, address, sizes, encoding).
    """
    kind = event.problem
    where = _where(event)
    if kind is Problem.PORT_IN_USE:
        return _fill(
            _PROBLEMS,
            "Port {port} is already in use on this computer — choose another port "
            "or stop the program using it.",
            port=event.port,
        )
    if kind is Problem.PORT_PERMISSION:
        if 0 < event.port < 1024:
            return _fill(
                _PROBLEMS,
                "Port {port} is below 1024, and ports below 1024 need administrator rights on this "
                "system — use a port of 1024 or more.",
                port=event.port,
            )
        return _fill(
            _PROBLEMS,
            "This system does not allow this program to use port {port} — choose another port, "
            "or check the firewall and security settings.",
            port=event.port,
        )
    if kind is Problem.ADDRESS_NOT_AVAILABLE:
        return _fill(
            _PROBLEMS,
            "The address {host} does not belong to this computer — leave the address empty to use "
            "every network, or choose one of this computer's own addresses.",
            host=event.host or where,
        )
    if kind is Problem.CONNECTION_REFUSED:
        return _fill(
            _PROBLEMS,
            "Nobody is listening at {address} — check the address and that the other side is "
            "running and hosting.",
            address=where,
        )
    if kind is Problem.HOST_NOT_FOUND:
        return _fill(
            _PROBLEMS,
            "The name {host} could not be found — check the spelling, or type the other "
            "computer's IP address instead.",
            host=event.host or where,
        )
    if kind is Problem.CONNECT_TIMEOUT:
        return _fill(
            _PROBLEMS,
            "Connecting to {address} timed out — the address may be wrong, or a firewall is "
            "blocking the connection.",
            address=where,
        )
    if kind is Problem.NETWORK_UNREACHABLE:
        return _fill(
            _PROBLEMS,
            "{address} cannot be reached from this computer — check that this computer is on the "
            "same network (Wi-Fi or cable) as the other side.",
            address=where,
        )
    if kind is Problem.HOST_CLOSED and not event.fatal:
        return _fill(
            _PROBLEMS,
            "The host at {address} closed the connection — trying to rejoin the room.",
            address=where,
        )
    if kind is Problem.HOST_CLOSED:
        return _fill(
            _PROBLEMS,
            "The host at {address} closed the connection — the room has ended; join again once "
            "it is hosting.",
            address=where,
        )
    if kind is Problem.PEER_RESET:
        return _fill(
            _PROBLEMS,
            "The connection with {address} was reset — the other program stopped abruptly or the "
            "network dropped; connect again once it is back.",
            address=where,
        )
    if kind is Problem.PEER_TOO_SLOW:
        return _fill(
            _PROBLEMS,
            "{address} stopped reading what was sent to it, so its connection was closed once "
            "{limit} bytes were waiting — that program may be frozen or on a very slow network; "
            "it can join again.",
            address=where,
            limit=_number(event.limit),
        )
    if kind is Problem.LINE_TOO_LONG:
        return _fill(
            _PROBLEMS,
            "{address} sent a line longer than {limit} bytes, so that connection was closed — "
            "the other side should send shorter messages, one per line.",
            address=where,
            limit=_number(event.limit),
        )
    if kind is Problem.REMOTE_REFUSED:
        return _fill(
            _PROBLEMS,
            "{address} refused what we sent (“{detail}”) — send a shorter message, or check that "
            "both sides run compatible versions.",
            address=where,
            detail=event.detail,
        )
    if kind is Problem.TEXT_TOO_LONG:
        return _fill(
            _PROBLEMS,
            "This message is {size} bytes, over the limit of {limit} bytes, so it was not sent — "
            "split it into shorter messages.",
            size=_number(event.size),
            limit=_number(event.limit),
        )
    if kind is Problem.DATAGRAM_TOO_LARGE:
        return _fill(
            _PROBLEMS,
            "This message would make a UDP datagram of {size} bytes, over the maximum of {limit} "
            "bytes, so it was not sent — send shorter messages or use TCP.",
            size=_number(event.size),
            limit=_number(event.limit),
        )
    if kind is Problem.DATAGRAM_FRAGMENTED:
        return _fill(
            _PROBLEMS,
            "This message went out as a UDP datagram of {size} bytes, which the network splits "
            "into fragments; if one fragment is lost the whole message is lost — keep UDP "
            "messages under 1,400 bytes or use TCP.",
            size=_number(event.size),
        )
    if kind is Problem.NOBODY_LISTENING:
        return _fill(
            _PROBLEMS,
            "Nobody is listening at {address} (the other computer answered “port unreachable”) — "
            "check the port and that the other side is running.",
            address=where,
        )
    if kind is Problem.NOT_ENCODABLE:
        return _fill(
            _PROBLEMS,
            "This text contains characters that cannot be written in {encoding}, so it was not "
            "sent — remove them (emoji, for example) or choose UTF-8.",
            encoding=event.encoding or "?",
        )
    if kind is Problem.NO_DESTINATION:
        return _fill(
            _PROBLEMS,
            "There is nobody to send to yet — enter the other side's address and port, or wait "
            "until someone writes to you.",
        )
    if kind is Problem.NOT_CONNECTED:
        return _fill(_PROBLEMS, "Not connected — host a room or join one before sending.")
    if kind is Problem.INVALID_PORT:
        return _fill(
            _PROBLEMS,
            "{port} is not a valid port — use a number from 1 to 65535 (or 0 to let the system "
            "choose a free port when hosting).",
            port=event.port,
        )
    if kind is Problem.NO_BROADCAST_INTERFACE:
        if event.detail:
            return _fill(
                _PROBLEMS,
                "The network interface {interface} has no IPv4 broadcast address — choose another "
                "interface (broadcast works on Ethernet and Wi-Fi, not on loopback or VPNs).",
                interface=event.detail,
            )
        return QCoreApplication.translate(
            _PROBLEMS,
            "This computer has no network interface with an IPv4 broadcast address — connect to a "
            "network (Ethernet or Wi-Fi), or use multicast or a peer address instead.",
        )
    if kind is Problem.MULTICAST_UNAVAILABLE:
        return _fill(
            _PROBLEMS,
            "Cannot join the multicast group {group}: {detail} — check that this computer is "
            "connected to a network, or choose another interface.",
            group=event.host,
            detail=_os_detail(event),
        )
    if kind is Problem.INVALID_GROUP:
        return _fill(
            _PROBLEMS,
            "{group} is not a multicast group — use an address from 224.0.0.0 to 239.255.255.255 "
            "(for example 239.255.50.7) or an IPv6 group starting with ff.",
            group=event.host,
        )
    if kind is Problem.ROOM_FULL:
        return _fill(
            _PROBLEMS,
            "{address} could not join: the room is full ({limit} members) — someone must leave "
            "first, or the host can allow more with --max-members.",
            address=where,
            limit=_number(event.limit),
        )
    if kind is Problem.OUT_OF_DESCRIPTORS:
        return _fill(
            _PROBLEMS,
            "This computer cannot open more connections right now (too many open files), so new "
            "members wait — the room goes on, and joining resumes as soon as connections close.",
        )
    if kind is Problem.ACCEPTING_AGAIN:
        return _fill(_PROBLEMS, "Connections can be opened again — new members can join the room.")
    if kind is Problem.HELLO_TIMEOUT:
        return _fill(
            _PROBLEMS,
            "{address} connected but said nothing for {seconds} s, so the connection was closed — a "
            "chat program should introduce itself or send a line at once.",
            address=where,
            seconds=_number(event.limit),
        )
    if kind is Problem.OUTPUT_BUDGET:
        return _fill(
            _PROBLEMS,
            "{address} was disconnected because it fell furthest behind while messages for all "
            "members waiting to be sent reached {limit} bytes — it can join again.",
            address=where,
            limit=_number(event.limit),
        )
    if kind is Problem.BAD_FRAME and event.size <= event.limit:  # within its size, but malformed
        return _fill(
            _PROBLEMS,
            "{address} sent a message whose “{field}” is malformed, so it was refused — that "
            "program does not follow chatgui's format.",
            **{"address": where, "field": event.detail},
        )
    if kind is Problem.BAD_FRAME:
        return _fill(
            _PROBLEMS,
            "{address} sent a message whose “{field}” is {size}, over the limit of {limit}, so it "
            "was refused — that program does not follow chatgui's limits.",
            address=where,
            field=event.detail,
            size=_number(event.size),
            limit=_number(event.limit),
        )
    if kind is Problem.NICK_INVALID:
        return _fill(
            _PROBLEMS,
            "{address} chose a nickname with no visible character, so it was refused — choose a "
            "nickname of 1 to 32 letters, digits or symbols.",
            address=where,
        )
    if kind is Problem.HOST_SILENT:
        return _fill(
            _PROBLEMS,
            "The host at {address} has not answered for {seconds} s — it may be frozen, or the "
            "network is down.",
            address=where,
            seconds=_number(event.limit),
        )
    if kind is Problem.MEMBER_SILENT:
        return _fill(
            _PROBLEMS,
            "{nick} ({address}) has not answered for {seconds} s, so the connection was closed — "
            "their program may be frozen or their network down; they can join again.",
            nick=event.detail or where,
            address=where,
            seconds=_number(event.limit),
        )
    if kind is Problem.RECONNECT_GAVE_UP:
        return _fill(
            _PROBLEMS,
            "Messages typed while reconnecting were not sent ({count}) — send them again once "
            "you are back in a room.",
            count=_number(event.size),
        )
    if kind is Problem.PASSPHRASE_MISMATCH:
        return _fill(
            _PROBLEMS,
            "The passphrase does not match this room's ({address}) — check it with the host and "
            "type it again.",
            address=where,
        )
    if kind is Problem.ROOM_PRIVATE:
        return _fill(
            _PROBLEMS,
            "The room at {address} is private — join it with chatgui and the room's passphrase.",
            address=where,
        )
    if kind is Problem.ROOM_NOT_PRIVATE:
        return _fill(
            _PROBLEMS,
            "The room at {address} has no passphrase — leave the passphrase empty to join it.",
            address=where,
        )
    if kind is Problem.UNREADABLE:
        return _fill(
            _PROBLEMS,
            "{count} messages from {address} could not be read — a wrong passphrase or tampering?",
            count=_number(event.size),
            address=where,
        )
    if kind is Problem.GUESSES_SLOWED:
        return _fill(
            _PROBLEMS,
            "{address} tried wrong passphrases, so its next tries wait {seconds} s — someone may "
            "be guessing the passphrase.",
            address=where,
            seconds=_number(event.limit),
        )
    if kind is Problem.HANDSHAKE_TIMEOUT:
        return _fill(
            _PROBLEMS,
            "{address} did not finish the private-room handshake within {seconds} s — it may not "
            "be chatgui, or it is an older version without private rooms.",
            address=where,
            seconds=_number(event.limit),
        )
    if kind is Problem.SCOPE_NEEDED:
        return scope_sentence(event.host or where, [z for z in event.detail.split(", ") if z])
    if kind in FILE_PROBLEMS:
        return file_problem(event)
    # Problem.OS_ERROR, and any kind added later: the OS's number in words, else what we have.
    if event.address or event.host:
        return _fill(
            _PROBLEMS,
            "The system reported a network error with {address}: {detail} — check the address "
            "and port, then try again.",
            address=where,
            detail=_os_detail(event),
        )
    return _fill(
        _PROBLEMS,
        "The system reported a network error: {detail} — check the address and port, then try again.",
        detail=_os_detail(event),
    )


def _os_detail(event: ProblemOccurred) -> str:
    """The OS error in words: its number's phrase (after the interface it concerns), never strerror."""
    if event.code:
        words = os_error_words(event.code)
        return f"{event.detail}: {words}" if event.detail else words
    return event.detail or QCoreApplication.translate(_PROBLEMS, "unknown error")


def describe_event(event: object) -> str | None:
    """One translated sentence for a connection-status event, or None for events that are not one.

    Covers ``Listening``, ``Connected``, ``PeerJoined``, ``PeerLeft``, ``RosterChanged``,
    ``SessionEnded``, and ``ProblemOccurred`` (through ``describe``). Chat messages, receipts
    and state changes are shown by other means and give None.

    Args:
        event: any worker event.

    Returns:
        The sentence, or None.
    """
    if isinstance(event, ProblemOccurred):
        return describe(event)
    if isinstance(event, Listening):
        if event.destination and event.interface:
            return _fill(
                _EVENTS,
                "Listening on port {port}; every message goes to {destination} ({interface}).",
                port=event.port,
                destination=event.destination,
                interface=event.interface,
            )
        if event.destination:
            return _fill(
                _EVENTS,
                "Listening on port {port}; every message goes to {destination}.",
                port=event.port,
                destination=event.destination,
            )
        return _fill(
            _EVENTS,
            "Listening on port {port} ({addresses}).",
            port=event.port,
            addresses=", ".join(event.addresses),
        )
    if isinstance(event, Connected):
        return _fill(_EVENTS, "Connected to {remote} (from {local}).", remote=event.remote, local=event.local)
    if isinstance(event, PeerJoined):
        if not event.nick:  # a connection that does not speak chatgui (nc, a tutorial script)
            if not event.address:
                return _fill(_EVENTS, "A plain-text program (not chatgui) connected.")
            return _fill(_EVENTS, "{address} connected (plain text, not chatgui).", address=event.address)
        if event.address:
            return _fill(_EVENTS, "{nick} joined from {address}.", nick=event.nick, address=event.address)
        return _fill(_EVENTS, "{nick} joined.", nick=event.nick)
    if isinstance(event, PeerLeft):
        if not event.nick:
            if not event.address:
                return _fill(_EVENTS, "A plain-text program disconnected.")
            return _fill(_EVENTS, "{address} disconnected.", address=event.address)
        if event.silent:  # a UDP broadcast or multicast member no longer heard from
            return _fill(
                _EVENTS,
                "{nick} ({address}) left (not heard from for {seconds} s).",
                nick=event.nick,
                address=event.address,
                seconds=f"{event.silent:g}",
            )
        if event.address:
            return _fill(_EVENTS, "{nick} ({address}) left.", nick=event.nick, address=event.address)
        return _fill(_EVENTS, "{nick} left.", nick=event.nick)
    if isinstance(event, RosterChanged):
        if not event.nicks:
            return _fill(_EVENTS, "Nobody is in the room.")
        return _fill(_EVENTS, "In the room: {nicks}.", nicks=", ".join(event.nicks))
    if isinstance(event, NickAssigned):
        return _fill(
            _EVENTS,
            "The name {requested} is taken in this room; you are {nick} here.",
            requested=event.requested,
            nick=event.nick,
        )
    if isinstance(event, Reconnecting):
        return _fill(
            _EVENTS,
            "Connection lost — reconnecting to {address} in {seconds} s (attempt {attempt})…",
            address=event.address,
            seconds=f"{event.delay:g}",
            attempt=event.attempt,
        )
    if isinstance(event, RoomCode):
        return _fill(
            _EVENTS,
            "Private room: everything is encrypted. Room code {code} — the other side sees the same "
            "code unless someone is in between.",
            code=event.code,
        )
    if isinstance(event, Reconnected):
        return _fill(_EVENTS, "Back in the room at {address}.", address=event.address)
    if isinstance(event, SessionEnded):
        if event.by_user:
            return _fill(_EVENTS, "Disconnected.")
        return _fill(_EVENTS, "The session has ended.")
    return None
