import {
  DEFAULT_MINIMAL_BASES,
  DEFAULT_NONROOT_BASES,
  isImageReference,
  isMinimalBase,
  matchesImage,
  splitImageRef
} from '../../../src/stages/lint/checklist/image-refs.js'

describe('minimal final bases (OP006): names matched whole, not by substring', () => {
  it.each([
    ['gcr.io/distroless/static-debian12:nonroot', true],
    ['registry.example.org/mirror/distroless/base-debian12', true],
    ['cgr.dev/chainguard/python:latest', true],
    ['alpine:3.20', true],
    ['docker.io/library/busybox:1.36', true],
    ['python:3.12-slim-bookworm', true],
    ['python:3.12-alpine', true],
    ['node:20-alpine', true],
    ['eclipse-temurin:21-jre-alpine', true],
    ['docker.io/nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04', true],
    ['nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04', true],
    ['mcr.microsoft.com/windows/nanoserver:ltsc2022', true],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022', true],
    ['mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled', true],
    ['registry.access.redhat.com/ubi9/ubi-minimal:9.4', true],
    ['artefact.skao.int/ska-python:0.2.5', true],
    ['quay.io/jupyter/minimal-notebook:2024-07-29', false],
    ['golang:1.22-alpine', false],
    ['rust:1.80-slim', false],
    ['maven:3.9-eclipse-temurin-21-alpine', false],
    ['eclipse-temurin:21-jdk-alpine', false],
    ['mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022', false],
    ['docker.io/nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04', false],
    ['mcr.microsoft.com/windows/servercore:ltsc2022', false],
    ['python:3.12', false],
    ['docker.io/library/distroless-lookalike:1', false],
    ['artefact.skao.int/ska-build-python:0.5.0', false]
  ])('%s: %s', (image, minimal) => {
    expect(isMinimalBase(splitImageRef(image), DEFAULT_MINIMAL_BASES)).toBe(minimal)
  })
})

describe('bases that set a non-root USER (OP004)', () => {
  it.each([
    ['gcr.io/distroless/static-debian12:nonroot', true],
    ['gcr.io/distroless/python3-debian12:debug-nonroot', true],
    ['gcr.io/distroless/static-debian12:latest', false],
    ['quay.io/jupyter/scipy-notebook:2024-07-29', true],
    ['docker.io/kubeflownotebookswg/jupyter-scipy:v1.9.0', true],
    ['nginxinc/nginx-unprivileged:1.27-alpine', true],
    ['nginx:1.27-alpine', false],
    ['mcr.microsoft.com/windows/nanoserver:ltsc2022', true],
    ['mcr.microsoft.com/windows/servercore:ltsc2022', false],
    ['debian:12-slim', false]
  ])('%s: %s', (image, nonRoot) => {
    expect(DEFAULT_NONROOT_BASES.some(p => matchesImage(p, splitImageRef(image)))).toBe(nonRoot)
  })
})

describe('image references', () => {
  it('matches user patterns against the name as written and as docker pulls it', () => {
    expect(matchesImage('python:3.12', splitImageRef('docker.io/library/python:3.12'))).toBe(true)
    expect(matchesImage('docker.io/library/python:3.12', splitImageRef('python:3.12'))).toBe(true)
    expect(
      matchesImage('registry.example.org:5000/base/*', splitImageRef('registry.example.org:5000/base/py:1'))
    ).toBe(true)
    expect(matchesImage('python:3.12', splitImageRef('python:3.12-slim'))).toBe(false)
  })

  it.each([
    ['docker.io/library/python:3.12@sha256:' + 'a'.repeat(64), true],
    ['localhost:5000/app', true],
    ['<ubuntu>', false],
    ['registry.example.org/library/os:', false],
    ['', false]
  ])('%j is an image reference: %s', (text, ok) => expect(isImageReference(text)).toBe(ok))
})
