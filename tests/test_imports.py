"""Import weight and the public surface."""

import subprocess
import sys

import linebot_fp


def run(code):
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_import_linebot_fp_does_not_import_urllib3():
    assert run("import sys, linebot_fp; print('urllib3' in sys.modules)") == "False"


def test_building_requests_does_not_import_urllib3():
    code = ("import sys, linebot_fp, linebot_fp.api, linebot_fp.webhook\n"
            "from linebot_fp.request import Request\n"
            "Request(operation='x', method='GET', base='api', path='/p').to_dict()\n"
            "print(sorted(m for m in ('urllib3', 'requests', 'http.server') if m in sys.modules))")
    assert run(code) == "[]"


def test_all_is_sorted_and_every_name_resolves():
    assert linebot_fp.__all__ == sorted(linebot_fp.__all__)
    for name in linebot_fp.__all__:
        assert getattr(linebot_fp, name) is not None, name


def test_py_typed_is_shipped():
    from importlib.resources import files

    assert files("linebot_fp").joinpath("py.typed").is_file()
