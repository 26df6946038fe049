# tradecheck: the HTTP service on the embedded reference data.
# The same install as the README's quick start (pip install of this project), run as a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 tradecheck
WORKDIR /app

COPY . /app
RUN pip install --no-cache-dir -c constraints.txt . \
    && rm -rf /app/build /app/*.egg-info

USER tradecheck
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]

CMD ["tradecheck", "serve", "--host", "0.0.0.0", "--port", "8000"]
