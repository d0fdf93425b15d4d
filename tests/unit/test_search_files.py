"""Which search files a language's pages load, and where from (guide/search/search_index.py)."""

from guide.search.search_index import lunr_files, unused_search_file, with_search_base, with_search_worker

CONFIG = (
    '<script id="__config" type="application/json">{"base": "../../", "search": '
    '"../../assets/javascripts/workers/search.a7633da7.min.js", "version": null}</script>'
)


def test_the_worker_is_loaded_from_the_given_folder_under_its_own_name() -> None:
    html = with_search_worker(CONFIG, "../assets/javascripts/workers/")
    assert '"search": "../assets/javascripts/workers/search.a7633da7.min.js"' in html
    assert '"base": "../../"' in html


def test_base_and_worker_are_set_independently() -> None:
    html = with_search_worker(with_search_base(CONFIG, "../"), "assets/javascripts/workers/")
    assert '"base": "../"' in html and '"search": "assets/javascripts/workers/search.a7633da7.min.js"' in html


def test_a_page_without_materials_configuration_is_left_alone() -> None:
    assert with_search_worker("<p>search.a7633da7.min.js</p>", "x/") == "<p>search.a7633da7.min.js</p>"


def test_lunr_files_of_a_language_with_a_stemmer() -> None:
    assert lunr_files(["es"]) == {"min/lunr.es.min.js", "min/lunr.stemmer.support.min.js"}
    assert lunr_files(["en"]) == set()


def test_a_language_folder_with_its_own_copies_loads_none_of_the_shared_search_files() -> None:
    for shared in (
        "assets/javascripts/workers/search.a7633da7.min.js",
        "assets/javascripts/lunr/min/lunr.es.min.js",
    ):
        assert unused_search_file(shared, "es/", ["es"])
    assert not unused_search_file("assets/javascripts/bundle.js", "es/", ["es"])


def test_the_root_language_loads_the_shared_worker_and_only_its_own_lunr_files() -> None:
    assert not unused_search_file("assets/javascripts/workers/search.a7633da7.min.js", "", ["en"])
    assert unused_search_file("assets/javascripts/lunr/min/lunr.es.min.js", "", ["en"])
