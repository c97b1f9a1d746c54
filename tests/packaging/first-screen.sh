# Sourced by the packaging tests: `first_screen <marker> <log> <pid> [seconds]` waits (90 s
# unless told) for the window's first screen and prints the screen the marker names; when the
# app stops before it or the time runs out, it prints the app's log and why on stderr and fails.
first_screen() {
	local marker=$1 log=$2 pid=$3 seconds=${4:-90}
	for _ in $(seq 1 $((seconds * 10))); do
		[ -s "$marker" ] && { cat "$marker"; return 0; }
		if ! kill -0 "$pid" 2>/dev/null; then
			cat "$log" >&2
			echo "The app stopped before its first screen." >&2
			return 1
		fi
		sleep 0.1
	done
	cat "$log" >&2
	echo "No first screen within $seconds s." >&2
	return 1
}
