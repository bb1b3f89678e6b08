package journal

// The fixtures, for the tests in package journal_test (generated_test.go),
// which use journaltest and so cannot be in package journal.
var (
	FullEpisode    = fullEpisode
	MinimalEpisode = minimalEpisode
	FullSession    = fullSession
	MinimalSession = minimalSession
	SameJSON       = sameJSON
	ExportedAt     = exportedAt
)
