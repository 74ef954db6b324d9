# cmd/worker's image: the same program, started by an entrypoint script
# that execs it, so SIGTERM reaches it.
FROM golang:1.26 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/worker ./cmd/worker

FROM debian:bookworm-slim
COPY --from=build /out/worker /usr/local/bin/worker
COPY docker/entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
CMD ["worker", "--queue", "jobs"]
