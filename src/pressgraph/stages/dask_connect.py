"""Connect to a Dask scheduler (`--dask ADDRESS`) or fail with one line, in bounded time.

`distributed.Client` alone is not enough for that: its handshake read has no deadline, so a
server that is not a Dask scheduler (the dashboard's port 8787 instead of 8786) keeps it
waiting, and then answers bytes that it reads as a frame length (a MemoryError of exbibytes).
A Client whose start failed also blocks the interpreter's exit (40 s) unless closed. So
the address is first asked for its identity, on a private event loop bounded by
`CONNECT_TIMEOUT`, and only an answering scheduler gets a Client.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from pressgraph.errors import Errors, PressgraphError

CONNECT_TIMEOUT = 20.0  # seconds to wait for a Dask scheduler


def connect(address: str) -> Any:
    """A `distributed.Client` of the scheduler at `address`, not set as the default client.

    Args:
        address: the scheduler's address, `tcp://host:8786` (or tls://, ucx://, ...) or
            `host:port`.

    Raises:
        PressgraphError: KG060 without dask.distributed; KG061 when the address is malformed
            or nothing there answers as a Dask scheduler within `CONNECT_TIMEOUT`.
    """
    try:
        from distributed import Client
    except ImportError:
        raise PressgraphError(Errors.KG060) from None
    seconds, start = CONNECT_TIMEOUT, time.monotonic()
    why = _probe(address, seconds)
    if why is None:
        left = max(1.0, seconds - (time.monotonic() - start))  # one deadline for both steps
        client = Client.__new__(Client)  # made in two steps, to close it if __init__ fails
        try:
            client.__init__(address, timeout=left, set_as_default=False)
            return client
        except Exception as err:  # noqa: BLE001 - whatever the scheduler did, it is KG061
            why = _why(err, seconds)
            _close(client)
    raise PressgraphError(Errors.KG061.format(address=address, why=why))


def _close(client: Any) -> None:
    """Close a Client whose start failed, now: left to its __del__ (the exception's frames
    keep it alive), it would block the interpreter's exit once its event loop is gone."""
    with contextlib.suppress(Exception):
        client.close(timeout=2)


def _probe(address: str, seconds: float) -> str | None:
    """Why the scheduler at `address` can't be used, or None when it answers in time."""
    try:
        with ThreadPoolExecutor(1) as pool:  # an event loop of its own, whatever the caller's
            reply = pool.submit(asyncio.run, _identity(address, seconds)).result()
    except Exception as err:  # noqa: BLE001 - a foreign server can make Dask raise anything
        return _why(err, seconds)
    if not isinstance(reply, dict):
        return "it does not speak Dask's protocol"
    if "Scheduler" not in str(reply.get("type")):
        return f"a Dask {reply.get('type')} answered, not a scheduler"
    return None


async def _identity(address: str, seconds: float) -> Any:
    """The identity message of the server at `address`, within `seconds`."""
    from distributed.comm import connect as open_comm
    from distributed.security import Security

    async def ask() -> Any:
        comm = await open_comm(address, timeout=seconds,
                               **Security().get_connection_args("client"))
        try:
            await comm.write({"op": "identity", "reply": True})
            return await comm.read()
        finally:
            comm.abort()

    return await asyncio.wait_for(ask(), seconds)


def _why(err: BaseException, seconds: float) -> str:
    """A short reason for the message: what went wrong, on one line."""
    if isinstance(err, TimeoutError):
        return f"no answer within {seconds:g} s"
    text = " ".join(str(err).split())[:200]
    if isinstance(err, OSError | ValueError):
        return text or type(err).__name__
    return f"it does not speak Dask's protocol: {type(err).__name__} {text}".strip()
