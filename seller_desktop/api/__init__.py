"""WeChat Store API client: one httpx.AsyncClient, stable token, typed errors, retries."""
