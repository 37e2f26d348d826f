"""Finding rooms on the LAN: DNS-SD over multicast DNS (zeroconf), beside ``net/``, no widgets."""
