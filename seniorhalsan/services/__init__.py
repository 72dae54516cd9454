"""The service layer: the only way to change data. Each function takes a `Ctx` first,
keyword arguments after, validates, and returns frozen dataclasses."""
