#!/usr/bin/python3
"""Opens a .docx in LibreOffice (headless), accepts or rejects every tracked
change, and prints the text paragraph by paragraph, one line each.

    /usr/bin/python3 scripts/lo-revisions.py accept|reject FILE.docx

Needs LibreOffice Writer and its Python bridge (Debian: libreoffice-writer-nogui
python3-uno; run with the system python3, which has the `uno` module).
`soffice --convert-to txt` alone cannot do this: it exports deleted and
inserted text together, so the changes are accepted or rejected through
the UNO dispatcher (.uno:AcceptAllTrackedChanges / .uno:RejectAllTrackedChanges).
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    mode, path = sys.argv[1], os.path.abspath(sys.argv[2])
    command = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}[mode]
    with tempfile.TemporaryDirectory() as profile:
        pipe = f"normdiff_{os.getpid()}"
        office = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
             f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            ctx = None
            for _ in range(600):
                try:
                    ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except Exception:
                    time.sleep(0.1)
            if ctx is None:
                sys.exit("LibreOffice did not start")
            smgr = ctx.ServiceManager
            desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
            dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
            paragraphs = doc.getText().createEnumeration()
            while paragraphs.hasMoreElements():
                p = paragraphs.nextElement()
                if p.supportsService("com.sun.star.text.Paragraph"):
                    sys.stdout.write(p.getString().replace("\n", " ") + "\n")
            doc.close(True)
            try:
                desktop.terminate()
            except Exception:
                pass
        finally:
            try:
                office.wait(timeout=20)
            except subprocess.TimeoutExpired:
                office.kill()


if __name__ == "__main__":
    main()
