"""One upload through the real pipeline, analysed in the writer process (loads spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_articles import TOKEN, client_for

TEXT = ("Belarus and Russia signed an agreement on oil transit in Minsk on Tuesday. "
        "President Alexander Lukashenko said the deal protects the Druzhba pipeline. "
        "Poland criticised the agreement, officials in Warsaw said.")


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_upload_runs_the_pipeline_in_the_writer_process(tmp_path: Path) -> None:
    with client_for(str(tmp_path / "up.db"), token=TOKEN, writer="process") as client:
        r = client.post("/api/v1/articles", content=TEXT.encode(),
                        params={"title": "Transit deal", "published": "2020-02-11"},
                        headers={"Authorization": f"Bearer {TOKEN}",
                                 "Content-Type": "text/plain"})
        if r.status_code == 503:  # the pipeline cannot be built here (e.g. untrained weights)
            pytest.skip(f"the analysis pipeline is not runnable: {r.json()['error']['message']}")
        assert r.status_code == 201, r.text
        (done,) = r.json()["articles"]
        record = client.get(done["record"]).json()
        assert record["title"] == "Transit deal"
        from newsgraph.api import stage_versions
        from newsgraph.pipeline import STAGES

        assert [s["name"] for s in record["stages"]] == [s.name for s in stage_versions(STAGES)]
        assert record["sentences"] and "Druzhba" in record["body"]
        html = client.get(done["page"]).text
        assert "Transit deal" in html
        hits = client.get("/api/v1/search", params={"q": "Druzhba"}).json()["items"]
        assert [h["id"] for h in hits] == [done["id"]]
