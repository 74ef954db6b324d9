# escape=\
FROM golang:1.26 AS build
RUN go build -o /out/api ./cmd/api

from alpine:3.20 as final
# A comment between the stages.
RUN apk add --no-cache \
      ca-certificates \
      # comments inside a continuation are dropped
      tzdata
COPY --from=build /out/api /usr/local/bin/api
stopsignal 3
Entrypoint ["/usr/local/bin/api", \
            "serve"]
CMD --addr :8080 \
    --drain 20s
