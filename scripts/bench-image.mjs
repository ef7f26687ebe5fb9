// The bench's image (scripts/bench.mjs). With no application it is the small example: a build
// stage with `buildSeconds` of work. With `appMb`, an application like a Python environment: four
// layers of many files, about half of it text that compresses (sources, metadata) and half binary
// that does not (shared libraries, wheels), made from the round's STAMP so each round is new.
export function appDockerfile(base, { appMb, buildSeconds }) {
  const work = buildSeconds > 0 ? ` && sleep ${buildSeconds}` : ''
  const lines = [`FROM ${base} AS build`, 'ARG STAMP', `RUN echo "$STAMP" > /stamp${work}`]
  const copies = []
  if (appMb > 0) {
    // Per layer: files of 64 KiB of text (base64) and of 1 MiB of random bytes.
    const layers = [
      ['site-packages', 0.35, 'text'],
      ['lib', 0.3, 'binary'],
      ['share', 0.15, 'text'],
      ['app', 0.2, 'binary']
    ]
    for (const [dir, share, kind] of layers) {
      const mb = Math.max(1, Math.round(appMb * share))
      const make =
        kind === 'text'
          ? `i=0; while [ $i -lt ${mb * 16} ]; do d=/opt/${dir}/p$((i % 97)); mkdir -p $d; ` +
            `head -c 49152 /dev/urandom | base64 > $d/m$i.py; i=$((i+1)); done`
          : `mkdir -p /opt/${dir}; i=0; while [ $i -lt ${mb} ]; do ` +
            `head -c 1048576 /dev/urandom > /opt/${dir}/lib$i.so; i=$((i+1)); done`
      lines.push(`RUN ${make} && echo "$STAMP" > /opt/${dir}/stamp`)
      copies.push(`COPY --from=build --chown=root:root /opt/${dir} /opt/${dir}`)
    }
  }
  return [
    ...lines,
    `FROM ${base}`,
    'COPY --from=build --chown=root:root --chmod=444 /stamp /app/stamp',
    ...copies,
    'USER nobody',
    ''
  ].join('\n')
}
