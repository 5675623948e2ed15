package bench

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user + system) the process has used so
// far, 0 where getrusage fails. Differences of it say whether a phase was
// bound by CPU or by waiting: on a machine shared with other jobs the wall
// time moves a lot, the CPU time per unit of work much less.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
