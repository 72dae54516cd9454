"""Konton och dataskydd: accounts, the access log and gallring."""
