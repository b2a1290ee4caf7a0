# bash completion for tend: commands, options, and files where a command
# takes one. Install as /usr/share/bash-completion/completions/tend.
_tend() {
	local cur prev cmds
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmds=$(tend --help 2>/dev/null | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } /^$/ && on { exit }')
	case $prev in
	backup | restore | import | open-report | --dry-run | -o | --output | -k | --key) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--format)
		if [[ " ${COMP_WORDS[*]} " == *" import "* ]]; then
			COMPREPLY=($(compgen -W "tend-json jrnl daylio tui-journal day-one" -- "$cur"))
		elif [[ " ${COMP_WORDS[*]} " == *" report "* ]]; then
			COMPREPLY=($(compgen -W "md html" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "json md csv jrnl" -- "$cur"))
		fi
		return ;;
	--include) COMPREPLY=($(compgen -W "mood triggers coping path homework entries mood,triggers,coping,path" -- "$cur")); return ;;
	--passphrase-fd) COMPREPLY=($(compgen -W "3 4 5 6 7 8 9" -- "$cur")); return ;;
	homework) COMPREPLY=($(compgen -W "import list answer remove" -- "$cur")); return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "--help --version --passphrase-fd --plain --tag --prompt --from --to --emotion --note --format --output --dry-run --mood --encoding --yes --include --entry --seal-to --preview --key" -- "$cur"))
	elif ((COMP_CWORD == 1)) || [[ $prev == --passphrase-fd || ${COMP_WORDS[COMP_CWORD-2]} == --passphrase-fd ]]; then
		COMPREPLY=($(compgen -W "$cmds" -- "$cur"))
	fi
}
complete -F _tend tend
