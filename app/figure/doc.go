// Package figure is the body model the exercise illustrations are drawn
// from: a small jointed figure (a pelvis, a two-part spine, a neck and
// head, two arms and two legs, each segment with a length and a
// thickness), poses given as joint angles, and an SVG renderer that
// animates a figure between an exercise's keyframes.
//
// The poses are data (data/figure/poses.json): each exercise has two or
// more keyframes, each keyframe a set of joint angles within the joint's
// anatomical range. The figure is seen from its near side (its right) or,
// turned by the root's yaw, from the front; an exercise's view walks the
// viewer around it, and its tilt lifts the viewer to look down on the
// floor, where a move goes sideways across it (knees rolling to one side). Placing it is the model's job,
// not the data's: every frame is lowered until its lowest part rests on the
// floor (or the mat), so limbs keep their lengths and supports touch down.
//
// go generate in this directory writes web/exercises/<id>.svg from the
// poses and the colour tokens of web/app.css; a test fails when the
// committed files differ from what the generator writes.
package figure

//go:generate go run gen_svgs.go
