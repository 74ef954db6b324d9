# The image of cmd/worker: built in one stage, run in the next, which
# stops it with SIGQUIT.
FROM golang:1.26 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/worker ./cmd/worker

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/worker /worker
STOPSIGNAL SIGQUIT
ENTRYPOINT ["/worker"]
