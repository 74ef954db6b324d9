#!/bin/sh
set -e
/usr/local/bin/migrate up
exec "$@"
