import { human, instructionsOf, keyword, startLine, type Hit, type Rule, type RuleContext } from './types.js'

/** Names that say they hold a credential: PASSWORD, GITHUB_TOKEN, API_KEY, AWS_SECRET_ACCESS_KEY… */
const SECRET_NAME =
  /(^|[_.-])(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|CREDENTIALS?|AUTH)([_.-]|$)/i
/** Names that point at a secret rather than hold one, or are about one without being it. */
const NOT_A_SECRET = /([_.-](FILE|PATH|DIR|URL|URI|ENDPOINT|NAME|ID|TYPE|LENGTH|EXPIRY)$)/i

export const looksSecret = (name: string): boolean => SECRET_NAME.test(name) && !NOT_A_SECRET.test(name)

/** `ARG NAME[=value]` and `ENV NAME=value …` (also the old `ENV NAME value`) names of an instruction. */
function names(i: { getArguments(): Array<{ getValue(): string }> }, kw: string): string[] {
  const words = i.getArguments().map(a => a.getValue())
  if (kw === 'ARG') return words.map(w => w.split('=')[0] ?? '').filter(Boolean)
  if (words.some(w => w.includes('=')))
    return words.filter(w => w.includes('=')).map(w => w.split('=')[0] ?? '')
  return words[0] ? [words[0]] : []
}

const secretNames: Rule = {
  id: 'OP014',
  level: 'warning',
  title: 'No ARG or ENV holds a secret',
  sameAs: [],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    const instructions = [
      ...ctx.df.ast.getInitialARGs(),
      ...[...instructionsOf(ctx.df.stages)].map(([i]) => i)
    ]
    for (const i of instructions) {
      const kw = keyword(i)
      if (kw !== 'ARG' && kw !== 'ENV') continue
      for (const name of names(i, kw).filter(looksSecret)) {
        const where =
          kw === 'ENV' ? 'is stored in the image for anyone who pulls it' : 'is recorded in the image history'
        hits.push({
          line: startLine(i),
          message: `${kw} ${name} on line ${human(startLine(i))} looks like a secret, and a ${kw} value ${where}: pass it with the secrets input and RUN --mount=type=secret,id=${name.toLowerCase()} instead`
        })
      }
    }
    return hits
  }
}

export const secretRules = [secretNames]
