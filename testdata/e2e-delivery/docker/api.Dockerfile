# cmd/api's image: the shell form of CMD runs the program under
# /bin/sh -c, which on Debian is dash: it starts the program as a child
# and, as PID 1, ignores the SIGTERM docker stop sends.
FROM golang:1.26 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/api

FROM debian:bookworm-slim
COPY --from=build /out/server /usr/local/bin/server
CMD server --addr :8080
