"""Anmälan: sign-up lists with places and waiting lists, the printed lists, and who came."""
