"""The guide's own diagrams (a spine from the side, a body map), drawn as inline SVG with words from the
language's file."""
