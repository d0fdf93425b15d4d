"""The guide's build (the guide plugin, plugin.py), its checks and its content chores (the guide command)."""
