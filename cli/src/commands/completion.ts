// Shell completion: `bss completion bash|zsh|fish` prints a script that asks `bss __complete <words…>` for the
// candidates, so completion always matches the generated command tree (no static list to drift).
import { Argument, type Command } from 'commander';
import type { CliRuntime } from '../runtime.ts';

const SCRIPTS = {
  bash: `# bss completion for bash — add to ~/.bashrc:  source <(bss completion bash)
_bss_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(bss __complete "\${COMP_WORDS[@]:1:$COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _bss_complete bss
`,
  zsh: `#compdef bss
# bss completion for zsh — add to ~/.zshrc:  source <(bss completion zsh)
_bss_complete() {
  local -a candidates
  candidates=("\${(@f)$(bss __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
compdef _bss_complete bss
`,
  fish: `# bss completion for fish — save as ~/.config/fish/completions/bss.fish:  bss completion fish > ~/.config/fish/completions/bss.fish
complete -c bss -f -a '(bss __complete (commandline -opc)[2..-1] (commandline -ct))'
`,
} as const;

export function addCompletionCommand(program: Command, rt: CliRuntime): void {
  program
    .command('completion')
    .description('Print the shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(Object.keys(SCRIPTS)))
    .addHelpText('after', '\nExample:\n  $ source <(bss completion bash)\n')
    .action((shell: keyof typeof SCRIPTS) => {
      rt.io.stdout.write(SCRIPTS[shell]);
    });
}

/** Candidates for the last (partial) word after `words` typed so far. */
export function completions(program: Command, words: readonly string[]): string[] {
  let at = program;
  const typed = words.slice(0, -1);
  const partial = words.at(-1) ?? '';
  for (const w of typed) {
    if (w.startsWith('-')) continue;
    const next = at.commands.find((c) => c.name() === w);
    if (!next) break;
    at = next;
  }
  const names = partial.startsWith('-')
    ? [...at.options.map((o) => o.long ?? ''), '--help'].filter(Boolean)
    : at.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden).map((c) => c.name());
  return names.filter((n) => n.startsWith(partial)).sort();
}
