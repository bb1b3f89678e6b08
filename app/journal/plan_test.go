package journal

import (
	"testing"
	"time"
)

func TestPlanImport(t *testing.T) {
	version := func(e Episode, d time.Duration, notes string) Episode {
		e = e.Clone()
		e.Updated, e.Notes = e.Updated.Add(d), notes
		return e
	}
	local := fullEpisode()
	other := minimalEpisode()
	third := minimalEpisode()
	third.ID = id3

	tests := []struct {
		name             string
		existing, file   []Episode
		add, update      []string // notes of the episodes, in order
		unchanged, older int
	}{
		{"empty file", []Episode{local}, nil, nil, nil, 0, 0},
		{"new id is added", []Episode{local}, []Episode{third}, []string{""}, nil, 0, 0},
		{"newer wins", []Episode{local}, []Episode{version(local, time.Hour, "newer")}, nil, []string{"newer"}, 0, 0},
		{"older is ignored", []Episode{local}, []Episode{version(local, -time.Hour, "older")}, nil, nil, 0, 1},
		{"equal is unchanged, even if it differs", []Episode{local}, []Episode{version(local, 0, "same time")}, nil, nil, 1, 0},
		{"never deletes: absent from the file stays", []Episode{local, other}, []Episode{third}, []string{""}, nil, 0, 0},
		{"mixed", []Episode{local, other},
			[]Episode{version(local, time.Second, "a"), version(other, -time.Second, "b"), third},
			[]string{""}, []string{"a"}, 0, 1},
		{"repeated id in the file: newest copy", nil,
			[]Episode{version(third, time.Hour, "x"), version(third, 2*time.Hour, "y"), version(third, time.Minute, "z")},
			[]string{"y"}, nil, 0, 0},
	}
	for _, tt := range tests {
		p := PlanImport(tt.existing, nil, &Backup{Episodes: tt.file})
		if got := notesOf(p.AddEpisodes); !equalStrings(got, tt.add) {
			t.Errorf("%s: add got %q; want %q", tt.name, got, tt.add)
		}
		if got := notesOf(p.UpdateEpisodes); !equalStrings(got, tt.update) {
			t.Errorf("%s: update got %q; want %q", tt.name, got, tt.update)
		}
		if p.UnchangedEpisodes != tt.unchanged || p.OlderEpisodes != tt.older {
			t.Errorf("%s: unchanged, older got %d, %d; want %d, %d", tt.name, p.UnchangedEpisodes, p.OlderEpisodes, tt.unchanged, tt.older)
		}
	}
}

func TestPlanImportSessionsAndApply(t *testing.T) {
	s := fullSession()
	newer := s
	newer.Updated = s.Updated.Add(time.Minute)
	p := PlanImport(nil, []Session{s}, &Backup{Sessions: []Session{newer, minimalSession()}, Episodes: []Episode{fullEpisode()}})
	if len(p.AddSessions) != 1 || len(p.UpdateSessions) != 1 || len(p.AddEpisodes) != 1 || p.Empty() {
		t.Errorf("got %+v; want 1 episode added, 1 session added and 1 updated", p)
	}
	if !PlanImport(nil, nil, nil).Empty() {
		t.Errorf("PlanImport(nil backup) is not empty")
	}
}

func notesOf(es []Episode) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Notes)
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
