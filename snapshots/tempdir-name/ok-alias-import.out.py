# Through import aliases: `import tempfile as tf`, `from tempfile import TemporaryDirectory as TD`
import tempfile as tf
from tempfile import TemporaryDirectory as TD

a = tf.TemporaryDirectory().name  # expect: WFY111
b = TD(prefix="x").name  # expect: WFY111
