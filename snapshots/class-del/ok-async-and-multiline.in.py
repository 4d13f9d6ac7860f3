# A __del__ whose def spans lines; the finding is on its first line
class Stream:
    async def aclose(self):
        pass

    def __del__(  # expect: WFY110
        self,
    ):
        self.transport.close()
