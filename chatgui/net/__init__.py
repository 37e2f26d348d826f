"""The socket worker: one selectors loop, TCP/UDP endpoints, and the Qt backend facade."""
