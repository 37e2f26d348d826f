"""The endpoint base class: what every endpoint must implement."""

from __future__ import annotations

import pytest

from chatgui.net.endpoint import Endpoint
from chatgui.net.tcp_client import TcpClient
from chatgui.net.tcp_host import TcpHost
from chatgui.net.udp import UdpPeer


def test_endpoint_is_abstract() -> None:
    assert Endpoint.__abstractmethods__ == {"start", "send_text", "settings_changed"}
    with pytest.raises(TypeError, match="abstract"):
        Endpoint(None)  # type: ignore[abstract,arg-type]


@pytest.mark.parametrize("endpoint", [TcpHost, TcpClient, UdpPeer])
def test_every_endpoint_implements_the_abstract_methods(endpoint: type[Endpoint]) -> None:
    assert not endpoint.__abstractmethods__
