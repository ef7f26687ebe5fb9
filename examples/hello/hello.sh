#!/bin/sh
echo "hello from oci-pipeline example ${HELLO_VERSION:-}"
