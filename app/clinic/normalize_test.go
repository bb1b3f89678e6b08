package clinic

import (
	"reflect"
	"testing"
)

func TestNormalize(t *testing.T) {
	in := Config{
		Name:       "  Riverside Physio\t",
		Logo:       " https://riverside.example/logo.png ",
		Accent:     " #FFFF00 ",
		Phone:      " +44 20 7946 0958 ",
		BookingURL: " https://riverside.example/book ",
		Country:    " gb ",
		Featured:   []string{" morning_ease "},
		Prescribed: []Prescription{{Name: " Week 1 ", Link: " /routines/custom#r=x "}},
	}
	got, notices := in.Normalize()
	want := Config{
		Name:       "Riverside Physio",
		Logo:       "https://riverside.example/logo.png",
		Accent:     "#7a7a00",
		Phone:      "+44 20 7946 0958",
		BookingURL: "https://riverside.example/book",
		Country:    "GB",
		Featured:   []string{"morning_ease"},
		Prescribed: []Prescription{{Name: "Week 1", Link: "/routines/custom#r=x"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Normalize() = %+v;\nwant %+v", got, want)
	}
	wantNotices := []Notice{{Field: "accent", Code: NoticeAccentDarkened, From: "#ffff00", To: "#7a7a00"}}
	if !reflect.DeepEqual(notices, wantNotices) {
		t.Errorf("Normalize() notices = %+v; want %+v", notices, wantNotices)
	}
	if in.Featured[0] != " morning_ease " || in.Prescribed[0].Name != " Week 1 " {
		t.Errorf("Normalize() changed the caller's lists: %+v", in)
	}
	if again, n := got.Normalize(); !reflect.DeepEqual(again, got) || n != nil {
		t.Errorf("Normalize() twice = %+v, %v; want no change", again, n)
	}
}

func TestNormalizeAccent(t *testing.T) {
	tests := []struct {
		in, want string
		darkened bool
	}{
		{"#0f766e", "#0f766e", false},
		{"#0F766E", "#0f766e", false},
		{"#ffff00", "#7a7a00", true},
		{"#777777", "#767676", true},
		{"#3B82F6", "#3472d8", true},
		{"", "", false},
		{"teal", "teal", false}, // left for Validate to report
		{"#fff", "#fff", false}, // likewise
		{"#FFFF0G", "#ffff0g", false},
	}
	for _, tt := range tests {
		got, notices := Config{Name: "A", Accent: tt.in}.Normalize()
		if got.Accent != tt.want || (len(notices) > 0) != tt.darkened {
			t.Errorf("Normalize() of accent %q = %q, %v; want %q, darkened %v", tt.in, got.Accent, notices, tt.want, tt.darkened)
		}
		if tt.darkened {
			if err := got.Validate(); err != nil {
				t.Errorf("Validate() after darkening %q = %v; want nil", tt.in, err)
			}
		}
	}
}

func TestNoticeString(t *testing.T) {
	n := Notice{Field: "accent", Code: NoticeAccentDarkened, From: "#ffff00", To: "#7a7a00"}
	if got, want := n.String(), "accent: changed from #ffff00 to #7a7a00 so that white text on it can be read"; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
}

func TestNormalizeEmptyLists(t *testing.T) {
	got, _ := Config{Name: "A", Featured: []string{}, Prescribed: []Prescription{}}.Normalize()
	if got.Featured != nil || got.Prescribed != nil {
		t.Errorf("Normalize() = %#v; want nil lists", got)
	}
}
