from tuireader.navigation import ENTITY, STORY, History, Place


def test_back_and_forward_walk_the_places_visited():
    history = History()
    for place in (Place(STORY, 1, "one"), Place(ENTITY, 7, "Hamas"), Place(STORY, 2, "two")):
        history.visit(place)
    assert history.back() == Place(ENTITY, 7, "Hamas")
    assert history.back() == Place(STORY, 1, "one")
    assert history.back() is None
    assert history.forward() == Place(ENTITY, 7, "Hamas")


def test_visiting_after_going_back_drops_the_forward_places():
    history = History()
    history.visit(Place(STORY, 1, "one"))
    history.visit(Place(STORY, 2, "two"))
    history.back()
    history.visit(Place(ENTITY, 3, "x"))
    assert history.forward() is None
    assert history.crumbs() == ["one", "x"]


def test_revisiting_the_current_place_adds_nothing():
    history = History()
    history.visit(Place(STORY, 1, "one"))
    history.visit(Place(STORY, 1, "one", offset=40))
    assert len(history.places) == 1 and history.current.offset == 40


def test_crumbs_show_the_last_few_places():
    history = History()
    for n in range(6):
        history.visit(Place(STORY, n, str(n)))
    assert history.crumbs(3) == ["3", "4", "5"]
