FROM debian:bookworm-slim
COPY shellstarted /usr/local/bin/shellstarted
CMD shellstarted --addr :8080
