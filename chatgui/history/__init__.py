"""Chat history: a SQLite store per user, its batching writer, export, and the window's facade."""
