import type { Instruction } from 'dockerfile-ast'

/** A shell word and the zero-based Dockerfile line it sits on. */
export interface Word {
  text: string
  line: number
}

/** One simple command of a RUN (`a && b | c; d` is four), prefixes such as `sudo` and `VAR=x` removed. */
export type Command = Word[]

const OPERATORS = ['&&', '||', ';;', '|', ';', '&', '(', ')', '{', '}']
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
])

/**
 * Splits shell text into simple commands. Quotes and backslash escapes are honoured, backslash-newline
 * continues a word list, and comment lines are dropped: enough to read package-manager calls, not a
 * full shell.
 */
export function splitCommands(text: string, firstLine: number): Command[] {
  const commands: Command[] = []
  let current: Word[] = []
  let word = ''
  let wordLine = firstLine
  let inWord = false
  let line = firstLine
  const endWord = (): void => {
    if (inWord) current.push({ text: word, line: wordLine })
    word = ''
    inWord = false
  }
  const endCommand = (): void => {
    endWord()
    if (current.length) commands.push(current)
    current = []
  }
  const addChar = (c: string): void => {
    if (!inWord) wordLine = line
    inWord = true
    word += c
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (c === '\\' && text[i + 1] === '\n') {
      endWord()
      line++
      i++
    } else if (c === '\\' && i + 1 < text.length) {
      addChar(text[i + 1] as string)
      i++
    } else if (c === "'" || c === '"') {
      if (!inWord) wordLine = line
      inWord = true
      const close = text.indexOf(c, i + 1)
      const end = close < 0 ? text.length : close
      const quoted = text.slice(i + 1, end)
      line += quoted.split('\n').length - 1
      word += quoted
      i = end
    } else if (c === '\n') {
      endCommand()
      line++
    } else if (c === ' ' || c === '\t' || c === '\r') {
      endWord()
    } else if (c === '#' && !inWord) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++
    } else {
      const op = OPERATORS.find(o => text.startsWith(o, i))
      const redirect = op === '&' && (text[i + 1] === '>' || text[i - 1] === '>' || text[i - 1] === '<')
      if (op && !redirect && !(inWord && (op === '{' || op === '}'))) {
        endCommand()
        i += op.length - 1
      } else addChar(c)
    }
  }
  endCommand()
  return commands.map(stripPrefixes).filter(c => c.length > 0)
}

function stripPrefixes(command: Command): Command {
  let start = 0
  while (start < command.length) {
    const w = (command[start] as Word).text
    if (PREFIXES.has(w) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) start++
    else break
  }
  return command.slice(start)
}

/** Dockerfile lines, for reading here-documents. */
export type Lines = readonly string[]

/** The commands a RUN executes: its arguments, or the body of its here-documents. */
export function runCommands(run: Instruction, lines: Lines): Command[] {
  const start = run.getRange().start.line
  const heredocs =
    (run as unknown as { getHeredocs?(): Array<{ getContentRange(): Range | null }> }).getHeredocs?.() ?? []
  const commands: Command[] = []
  for (const heredoc of heredocs) {
    const range = heredoc.getContentRange()
    if (!range) continue
    const body = lines.slice(range.start.line, range.end.line + 1).join('\n')
    commands.push(...splitCommands(body, range.start.line))
  }
  if (heredocs.length) return commands
  const raw = run.getRawArgumentsContent() ?? ''
  const argsRange = run.getArgumentsRange()
  // Comment lines inside a continued RUN are removed by the Dockerfile parser, never seen by the shell.
  const text = raw
    .split('\n')
    .map(l => (/^\s*#/.test(l) ? '\\' : l))
    .join('\n')
  return splitCommands(text, argsRange?.start.line ?? start).map(dropFlags)
}

interface Range {
  start: { line: number }
  end: { line: number }
}

/** RUN's own flags (`--mount=…`, `--network=…`) are not part of the first command. */
const dropFlags = (command: Command): Command => {
  let i = 0
  while (i < command.length && /^--(mount|network|security)=/.test((command[i] as Word).text)) i++
  return command.slice(i)
}

/** The command's program name without its path (`/usr/bin/pip3` → `pip3`). */
export const program = (command: Command): string => (command[0]?.text ?? '').replace(/^.*\//, '')

export const hasWord = (command: Command, ...words: string[]): boolean =>
  command.some(w => words.includes(w.text))
